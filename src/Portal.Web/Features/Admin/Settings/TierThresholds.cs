using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Statements;

namespace Portal.Web.Features.Admin.Settings;

/// <summary>The monthly thresholds of the tier rule (setting <c>tier-thresholds</c>): a tier needs both its deposits (CNY) and its lots.</summary>
public sealed record TierThresholds(decimal GoldDeposits, int GoldLots, decimal DiamondDeposits, int DiamondLots)
{
    public const decimal MaxDeposits = 1_000_000_000_000m;
    public const int MaxLots = 1_000_000;

    public TierRule ToRule() => new(new TierOptions { GoldDeposits = GoldDeposits, GoldLots = GoldLots, DiamondDeposits = DiamondDeposits, DiamondLots = DiamondLots });

    public IReadOnlyList<SettingError> Validate()
    {
        var errors = new List<SettingError>();
        Deposits(errors, "goldDeposits", GoldDeposits);
        Lots(errors, "goldLots", GoldLots);
        Deposits(errors, "diamondDeposits", DiamondDeposits);
        Lots(errors, "diamondLots", DiamondLots);
        if (GoldDeposits > 0 && DiamondDeposits > 0 && DiamondDeposits <= GoldDeposits)
        {
            errors.Add(new("diamondDeposits", "Tiers.Error.DiamondDeposits", Number(GoldDeposits)));
        }

        if (GoldLots > 0 && DiamondLots > 0 && DiamondLots <= GoldLots)
        {
            errors.Add(new("diamondLots", "Tiers.Error.DiamondLots", Number(GoldLots)));
        }

        return errors;
    }

    public string DescribeChangeFrom(TierThresholds before)
    {
        (string Name, decimal Was, decimal Now)[] fields =
        [
            ("Gold deposits", before.GoldDeposits, GoldDeposits), ("Gold lots", before.GoldLots, GoldLots),
            ("Diamond deposits", before.DiamondDeposits, DiamondDeposits), ("Diamond lots", before.DiamondLots, DiamondLots),
        ];
        var parts = fields.Where(f => f.Was != f.Now).Select(f => $"{f.Name}: {Number(f.Was)} → {Number(f.Now)}").ToList();
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    private static void Deposits(List<SettingError> errors, string field, decimal value)
    {
        if (value <= 0)
        {
            errors.Add(new(field, "Tiers.Error.Positive"));
        }
        else if (value > MaxDeposits)
        {
            errors.Add(new(field, "Tiers.Error.TooLarge", Number(MaxDeposits)));
        }
        else if (decimal.Round(value, 2) != value)
        {
            errors.Add(new(field, "Tiers.Error.Cents"));
        }
    }

    private static void Lots(List<SettingError> errors, string field, int value)
    {
        if (value <= 0)
        {
            errors.Add(new(field, "Tiers.Error.Positive"));
        }
        else if (value > MaxLots)
        {
            errors.Add(new(field, "Tiers.Error.TooLarge", Number(MaxLots)));
        }
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The tier thresholds setting; until an admin saves it, the configuration's <c>Tiers:*</c> values.</summary>
public sealed class TierThresholdsSetting(IOptions<TierOptions> options) : ISetting<TierThresholds>
{
    public string Key => "tier-thresholds";

    public TierThresholds Default =>
        new(options.Value.GoldDeposits, options.Value.GoldLots, options.Value.DiamondDeposits, options.Value.DiamondLots);

    public IReadOnlyList<SettingError> Validate(TierThresholds value) => value.Validate();

    public string DescribeChange(TierThresholds before, TierThresholds after) => after.DescribeChangeFrom(before);
}

/// <summary>
/// The tier rule with the thresholds in force, for month-end and the investor dashboard. Read from the database on
/// every call, so a run or a page uses what an admin saved last, on every instance.
/// </summary>
public sealed class TierRuleProvider(SettingsStore store, TierThresholdsSetting setting)
{
    public async Task<TierThresholds> GetThresholdsAsync(CancellationToken cancellationToken = default) =>
        (await store.GetAsync(setting, cancellationToken)).Value;

    public async Task<TierRule> GetAsync(CancellationToken cancellationToken = default) =>
        (await GetThresholdsAsync(cancellationToken)).ToRule();
}
