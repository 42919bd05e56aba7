namespace Portal.Web.Features.Accounts;

/// <summary>One entry of a client's tier history: a month-end recomputation or a supervisor's override.</summary>
public sealed class TierChange
{
    /// <summary>Who changed a tier by the tier rule, as the history shows it.</summary>
    public const string MonthEnd = "Month-end";

    public long Id { get; set; }

    public int InvestorId { get; set; }

    public ClientTier From { get; set; }

    public ClientTier To { get; set; }

    /// <summary>The month whose figures the change is based on (for an override: the month it was made in).</summary>
    public DateOnly Month { get; set; }

    public bool IsOverride { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>Display name of the supervisor, or <see cref="MonthEnd"/> for month-end changes.</summary>
    public string ChangedBy { get; set; } = "";

    public string? ChangedByUserId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
