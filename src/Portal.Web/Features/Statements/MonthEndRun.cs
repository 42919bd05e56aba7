namespace Portal.Web.Features.Statements;

/// <summary>The month-end job's progress for one month, so a stopped run resumes where it left off.</summary>
public sealed class MonthEndRun
{
    public int Id { get; set; }

    public DateOnly Month { get; set; }

    public int Total { get; set; }

    public int Processed { get; set; }

    /// <summary>Investors are processed in id order; a restarted run continues after this one.</summary>
    public int LastInvestorId { get; set; }

    public int TierChanges { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
