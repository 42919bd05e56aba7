namespace Portal.Web.Features.Audit;

/// <summary>
/// One row of the audit trail. Rows are append-only: <see cref="Id"/> counts up by one from 1, and
/// <see cref="Hash"/> is SHA-256 over the row's content and <see cref="PreviousHash"/>, so an altered or missing row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionLength = 60;
    public const int SubjectLength = 200;
    public const int DetailsLength = 2000;

    public long Id { get; set; }

    /// <summary>When it happened, to the millisecond (both providers store that exactly, so the hash can be checked).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The acting user; null for the system or an anonymous visitor.</summary>
    public string? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>The client's address, when there was one.</summary>
    public string? Address { get; set; }

    public string Action { get; set; } = "";

    /// <summary>What the action was done to, e.g. "user:…", "investor:880000000001", "statement:2026-10".</summary>
    public string Subject { get; set; } = "";

    public string? Details { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
