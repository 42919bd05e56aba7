using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

/// <summary>
/// The agents' ticket desk (Agent, Specialist, Supervisor): views, the case with its internal notes, and handling it.
/// Changes are for the case's owner or a supervisor; a change over an older version is refused as stale.
/// </summary>
public sealed partial class CaseDesk(CaseStore store, AccountDirectory accounts)
{
    private static readonly CaseStatus[] Active = [CaseStatus.New, CaseStatus.Open, CaseStatus.WaitingOnClient, CaseStatus.Escalated];
    private static readonly CaseStatus[] Running = [CaseStatus.New, CaseStatus.Open, CaseStatus.Escalated];

    /// <summary>One page of a view, sorted by due time (earliest first). Views other than All show cases still being worked on, unless a status is asked for.</summary>
    public async Task<CasePage> ListAsync(Actor actor, DeskQuery query, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var pageSize = Math.Clamp(query.PageSize, 1, CaseLimits.MaxPageSize);
        var page = Math.Max(query.Page, 0);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var cases = View(db, actor, query.View, rules);
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        else if (query.View != DeskView.All)
        {
            cases = cases.Where(c => Active.Contains(c.Status));
        }

        if (query.Kind is { } kind)
        {
            cases = cases.Where(c => c.Kind == kind);
        }

        if (query.RequestType is { } type)
        {
            cases = cases.Where(c => c.RequestType == type);
        }

        if (query.Tier is { } tier)
        {
            cases = cases.Where(c => c.Tier == tier);
        }

        var total = await cases.CountAsync(cancellationToken);
        var rows = await CaseStore.ListItems(cases.OrderBy(c => c.DueAt).ThenBy(c => c.Id).Skip(page * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new([.. rows.Select(r => store.Row(r, rules))], total);
    }

    public async Task<DeskCounts> CountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        async Task<int> Count(DeskView view) => await View(db, actor, view, rules).CountAsync(c => Active.Contains(c.Status), cancellationToken);
        return new(await Count(DeskView.Unassigned), await Count(DeskView.Mine), await Count(DeskView.MyTeam), await Count(DeskView.DueSoon), await Count(DeskView.Breached));
    }

    /// <summary>The client's latest cases, for the summary beside a chat or a case.</summary>
    public async Task<IReadOnlyList<CaseRow>> RecentForInvestorAsync(Actor actor, int investorId, int take, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var rows = await CaseStore.ListItems(db.Set<Case>().AsNoTracking().Where(c => c.InvestorId == investorId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(Math.Clamp(take, 1, CaseLimits.MaxPageSize))).ToListAsync(cancellationToken);
        return [.. rows.Select(r => store.Row(r, rules))];
    }

    public async Task<IReadOnlyList<AssignTarget>> ListAssignTargetsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        return [.. (await accounts.ListDeskMembersAsync(actor, cancellationToken)).Select(m => new AssignTarget(m.UserId, m.DisplayName, m.Team))];
    }

    /// <summary>Whether the reference names a case (the page's prerender answers 404 otherwise); not audited, nothing is shown.</summary>
    public async Task<bool> ExistsAsync(Actor actor, string reference, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        if (CaseReference.KindOf(reference) is null)
        {
            return false;
        }

        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        return await db.Set<Case>().AnyAsync(c => c.Reference == reference, cancellationToken);
    }

    /// <summary>A case with its internal notes and the complaint form; audited (staff opened a case).</summary>
    public async Task<DeskCaseView?> GetAsync(Actor actor, string reference, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        if (CaseReference.KindOf(reference) is null)
        {
            return null;
        }

        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var now = store.Now();
        var timeline = await CaseStore.TimelineAsync(db, found.Id, forClient: false, cancellationToken);
        var attachments = await CaseStore.AttachmentsAsync(db, found.Id, cancellationToken);
        ComplaintForm? form = null;
        if (found.Kind == CaseKind.Complaint)
        {
            var contact = await store.Investors.FindContactAsync(db, actor, found.InvestorId, cancellationToken);
            form = new(found.InvestorName, contact?.MaskedMobile, found.CreatedAt, found.Channel, found.Category, found.Description, found.Investigation,
                found.Resolution, found.ClientResponse, found.HandlerName ?? found.OwnerName, found.ReviewerName, found.ReviewedAt, found.ResolvedAt);
        }

        store.Audit.Add(db, actor, AuditActions.CaseOpened, CaseStore.Subject(found.Reference));
        await db.SaveChangesAsync(cancellationToken);
        return new(
            found.Reference, found.Kind, found.RequestType, found.Category, found.Subject, found.Description, found.Status, found.CreatedAt,
            store.SlaOf(found, rules), found.OwnerName, found.AccountNumber, found.TransactionSummary, timeline, attachments, found.Rating,
            found.RatingComment, CanHandle(actor, found) && found.Status is not (CaseStatus.Closed or CaseStatus.Withdrawn),
            CaseTransitions.ClientMayWithdraw(found.Status), CaseTransitions.ClientMayReopen(found.Status, found.ResolvedAt, now),
            CaseTransitions.ReopenUntil(found.Status, found.ResolvedAt),
            CaseTransitions.ClientMayRate(found.Status, found.Rating), found.InvestorId, found.InvestorName, found.Tier, found.OwnerUserId,
            found.Team?.ToString(), found.Channel, form, CanPickUp(actor, found), CanHandle(actor, found), NeedsReview(found), found.Version)
        {
            EscalatedByName = found.EscalatedByName,
            SourceReference = found.SourceReference,
        };
    }

    /// <summary>The owner or a supervisor may change a case.</summary>
    private static bool CanHandle(Actor actor, Case found) => actor.IsSystem || actor.IsInRole(Roles.Supervisor) || (found.OwnerUserId is { } owner && owner == actor.UserId);

    /// <summary>An unowned case still being worked on; one waiting for the Specialists team only for specialists and supervisors.</summary>
    private static bool CanPickUp(Actor actor, Case found) =>
        found.OwnerUserId is null && CaseTransitions.IsActive(found.Status) && (found.Team != StaffTeam.InboundTier2 || MaySpecialise(actor));

    private static bool MaySpecialise(Actor actor) => actor.IsInAnyRole(Roles.Specialist, Roles.Supervisor);

    /// <summary>A resolved complaint that no specialist has reviewed yet: it cannot close.</summary>
    private static bool NeedsReview(Case found) => found.Kind == CaseKind.Complaint && found.Status == CaseStatus.Resolved && found.ReviewedAt is null;

    private IQueryable<Case> View(PortalDbContext db, Actor actor, DeskView view, CaseRules rules)
    {
        var cases = db.Set<Case>().AsNoTracking();
        var userId = actor.UserId;
        var team = CaseStore.TeamOf(actor);
        var now = store.Now();
        return view switch
        {
            DeskView.Unassigned when MaySpecialise(actor) => cases.Where(c => c.OwnerUserId == null),
            DeskView.Unassigned => cases.Where(c => c.OwnerUserId == null && c.Team != StaffTeam.InboundTier2),
            DeskView.Mine => cases.Where(c => c.OwnerUserId == userId),
            DeskView.MyTeam => cases.Where(c => c.Team == team),
            DeskView.DueSoon => DueSoon(cases, rules, now),
            DeskView.Breached => cases.Where(c => Running.Contains(c.Status) && c.DueAt < now),
            _ => cases,
        };
    }

    private static IQueryable<Case> DueSoon(IQueryable<Case> cases, CaseRules rules, DateTimeOffset now)
    {
        var soon = rules.Calendar.AddBusinessMinutes(now, rules.Limits.DueSoonMinutes).ToUniversalTime();
        return cases.Where(c => Running.Contains(c.Status) && c.DueAt >= now && c.DueAt <= soon);
    }
}
