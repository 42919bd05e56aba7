namespace Portal.Web.Features.Cases;

/// <summary>
/// Which status changes the desk may make (pure). Reopening (Resolved → Open) and withdrawing are the client's and
/// go through their own rules; Closed and Withdrawn are final.
/// </summary>
public static class CaseTransitions
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Desk = new()
    {
        [CaseStatus.New] = [CaseStatus.Open, CaseStatus.WaitingOnClient, CaseStatus.Resolved],
        [CaseStatus.Open] = [CaseStatus.WaitingOnClient, CaseStatus.Resolved],
        [CaseStatus.WaitingOnClient] = [CaseStatus.Open, CaseStatus.Resolved],
        [CaseStatus.Escalated] = [CaseStatus.Open, CaseStatus.WaitingOnClient, CaseStatus.Resolved],
        [CaseStatus.Resolved] = [CaseStatus.Open, CaseStatus.Closed],
        [CaseStatus.Closed] = [],
        [CaseStatus.Withdrawn] = [],
    };

    /// <summary>Whether the desk may move a case from <paramref name="from"/> to <paramref name="to"/> with a status change (escalation is its own action).</summary>
    public static bool DeskMay(CaseStatus from, CaseStatus to) => Desk.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>The statuses the desk may set next.</summary>
    public static IReadOnlyList<CaseStatus> NextForDesk(CaseStatus from) => Desk.GetValueOrDefault(from) ?? [];

    /// <summary>The case is still being worked on (its clock runs or is paused).</summary>
    public static bool IsActive(CaseStatus status) => status is CaseStatus.New or CaseStatus.Open or CaseStatus.WaitingOnClient or CaseStatus.Escalated;

    /// <summary>The client may withdraw a case that is still being worked on.</summary>
    public static bool ClientMayWithdraw(CaseStatus status) => IsActive(status);

    /// <summary>The client may reply while the case is being worked on.</summary>
    public static bool ClientMayReply(CaseStatus status) => IsActive(status);

    /// <summary>A resolved case may be reopened by its client within <see cref="CaseLimits.ReopenDays"/> days of resolution.</summary>
    public static bool ClientMayReopen(CaseStatus status, DateTimeOffset? resolvedAt, DateTimeOffset now) =>
        status == CaseStatus.Resolved && resolvedAt is { } at && now <= ReopenUntil(at);

    public static DateTimeOffset ReopenUntil(DateTimeOffset resolvedAt) => resolvedAt.AddDays(CaseLimits.ReopenDays);

    /// <summary>Until when a case in <paramref name="status"/> may be reopened; null unless it is resolved.</summary>
    public static DateTimeOffset? ReopenUntil(CaseStatus status, DateTimeOffset? resolvedAt) =>
        status == CaseStatus.Resolved && resolvedAt is { } at ? ReopenUntil(at) : null;

    /// <summary>A resolved or closed case may be rated once.</summary>
    public static bool ClientMayRate(CaseStatus status, int? rating) => status is CaseStatus.Resolved or CaseStatus.Closed && rating is null;
}
