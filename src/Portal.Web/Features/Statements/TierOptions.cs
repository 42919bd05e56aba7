using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Statements;

/// <summary>Monthly thresholds of the tier rule (DOMAIN.md defaults). Both must be met for a tier.</summary>
public sealed class TierOptions
{
    public const string Section = "Tiers";

    [Range(0, 1_000_000_000_000)]
    public decimal GoldDeposits { get; set; } = 500_000m;

    [Range(0, 1_000_000)]
    public int GoldLots { get; set; } = 200;

    [Range(0, 1_000_000_000_000)]
    public decimal DiamondDeposits { get; set; } = 1_000_000m;

    [Range(0, 1_000_000)]
    public int DiamondLots { get; set; } = 700;
}
