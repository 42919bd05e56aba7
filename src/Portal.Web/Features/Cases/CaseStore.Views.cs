using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

// How cases read: their clock, timeline, files and list rows.
public sealed partial class CaseStore
{
    /// <summary>Timeline steps whose text the client never sees (the reason of an escalation stays inside the firm).</summary>
    private static readonly CaseTimelineKind[] TextHiddenFromClient = [CaseTimelineKind.Escalated, CaseTimelineKind.Handover, CaseTimelineKind.Reviewed];

    internal static SlaSnapshot ClockOf(Case found) => new(found.DueAt, found.FirstResponseDueAt, found.FirstRespondedAt, found.PausedSince, DoneAt(found.Status, found.ResolvedAt, found.ClosedAt));

    internal static DateTimeOffset? DoneAt(CaseStatus status, DateTimeOffset? resolvedAt, DateTimeOffset? closedAt) => status switch
    {
        CaseStatus.Resolved => resolvedAt,
        CaseStatus.Closed => resolvedAt ?? closedAt,
        CaseStatus.Withdrawn => closedAt,
        _ => null,
    };

    internal SlaInfo SlaOf(Case found, CaseRules rules) => SlaClock.Evaluate(ClockOf(found), Now(), rules.Limits.DueSoonMinutes, rules.Calendar);

    /// <summary>The case's timeline, oldest first, with each step's files; for the client without internal steps or internal texts.</summary>
    internal static async Task<IReadOnlyList<CaseTimelineItem>> TimelineAsync(PortalDbContext db, long caseId, bool forClient, CancellationToken cancellationToken)
    {
        var steps = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == caseId && (!forClient || !e.Internal))
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var files = (await AttachmentRowsAsync(db, caseId, cancellationToken)).Where(a => a.EventId is not null).ToLookup(a => a.EventId!.Value, a => a.Info);
        return [.. steps.Select(e => new CaseTimelineItem(
            e.Id, e.Kind, e.ActorName, e.ByClient, forClient && TextHiddenFromClient.Contains(e.Kind) ? null : e.Text, e.FromStatus, e.ToStatus, e.At,
            [.. files[e.Id]]))];
    }

    internal static async Task<IReadOnlyList<CaseAttachmentInfo>> AttachmentsAsync(PortalDbContext db, long caseId, CancellationToken cancellationToken) =>
        [.. (await AttachmentRowsAsync(db, caseId, cancellationToken)).Select(a => a.Info)];

    private static async Task<IReadOnlyList<(long? EventId, CaseAttachmentInfo Info)>> AttachmentRowsAsync(PortalDbContext db, long caseId, CancellationToken cancellationToken)
    {
        // Never the bytes: only the download endpoint reads those.
        var rows = await db.Set<CaseAttachment>().AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id)
            .Select(a => new { a.EventId, a.Id, a.FileName, a.ContentType, a.Size }).ToListAsync(cancellationToken);
        return [.. rows.Select(a => (a.EventId, new CaseAttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size)))];
    }

    /// <summary>The columns a list row needs (never the description or the files).</summary>
    internal static IQueryable<CaseListItem> ListItems(IQueryable<Case> cases) => cases.Select(c => new CaseListItem(
        c.Reference, c.Kind, c.RequestType, c.Category, c.Subject, c.Status, c.Tier, c.InvestorName, c.OwnerName, c.Team, c.CreatedAt, c.DueAt,
        c.FirstResponseDueAt, c.FirstRespondedAt, c.PausedSince, c.ResolvedAt, c.ClosedAt, c.UpdatedAt));

    internal CaseRow Row(CaseListItem c, CaseRules rules)
    {
        var (dueAt, state) = SlaClock.Glance(
            new(c.DueAt, c.FirstResponseDueAt, c.FirstRespondedAt, c.PausedSince, DoneAt(c.Status, c.ResolvedAt, c.ClosedAt)),
            Now(), rules.Limits.DueSoonMinutes, rules.Calendar);
        return new(c.Reference, c.Kind, c.RequestType, c.Category, c.Subject, c.Status, c.Tier, c.InvestorName, c.OwnerName, c.Team?.ToString(),
            c.CreatedAt, dueAt, state, c.UpdatedAt);
    }
}

/// <summary>A case's list columns as read from the database.</summary>
internal sealed record CaseListItem(
    string Reference,
    CaseKind Kind,
    RequestType? RequestType,
    CaseCategory Category,
    string Subject,
    CaseStatus Status,
    Accounts.ClientTier Tier,
    string InvestorName,
    string? OwnerName,
    Accounts.StaffTeam? Team,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? PausedSince,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt);
