using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

/// <summary>One entry of a client's tier history: a month-end recomputation or a supervisor's override.</summary>
public sealed class TierChange
{
    public long Id { get; set; }

    public int InvestorId { get; set; }

    public ClientTier From { get; set; }

    public ClientTier To { get; set; }

    /// <summary>The month whose figures the change is based on.</summary>
    public DateOnly Month { get; set; }

    public bool IsOverride { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>Display name of the supervisor, or the job's name for month-end changes.</summary>
    public string ChangedBy { get; set; } = "";

    public string? ChangedByUserId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
