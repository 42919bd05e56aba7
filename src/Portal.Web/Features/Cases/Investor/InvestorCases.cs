using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

/// <summary>
/// An investor's own complaints and service requests (role Investor). Every query names the investor, so a case of
/// someone else is, to them, not there (<c>null</c> or <see cref="CaseError.NotFound"/>).
/// </summary>
public sealed partial class InvestorCases(CaseStore store, IServiceScopeFactory scopes)
{
    public async Task<CaseCreated> SubmitAsync(Actor actor, NewCaseInput input, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        var errors = new Dictionary<string, string>();
        var (subject, description) = store.CheckNewCase(
            errors, input.Kind, input.RequestType, input.Category, input.Subject, input.Description, input.SubmissionId);

        CaseContext? context = null;
        if (input.TransactionId is { } transactionId)
        {
            context = await GetContextAsync(actor, transactionId, null, cancellationToken);
            if (context is null)
            {
                errors[nameof(input.TransactionId)] = store.Text["Error.NotYourTransaction"];
            }
        }

        CaseStore.ThrowIfInvalid(errors);
        var files = store.CheckAttachments(input.Attachments);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var profile = await store.Investors.FindProfileAsync(db, actor, investorId, cancellationToken) ?? throw store.NotFound();
        var accountNumber = context?.AccountNumber ?? (string.IsNullOrWhiteSpace(input.AccountNumber) ? null : profile.AccountNumber);
        return await store.CreateAsync(actor, new NewCase(
            investorId, actor.UserId!, profile.Name, profile.Tier, input.Kind, input.RequestType, input.Category, subject!, description!,
            accountNumber, context?.TransactionId, context?.Summary, CaseChannel.Portal, null, input.SubmissionId, null, null,
            StaffTeam.InboundTier1, files), cancellationToken);
    }

    /// <summary>The investor's cases of one kind, newest first.</summary>
    public async Task<CasePage> ListAsync(Actor actor, CaseKind kind, CaseStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        pageSize = Math.Clamp(pageSize, 1, CaseLimits.MaxPageSize);
        page = Math.Max(page, 0);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var cases = db.Set<Case>().AsNoTracking().Where(c => c.InvestorId == investorId && c.Kind == kind);
        if (status is { } only)
        {
            cases = cases.Where(c => c.Status == only);
        }

        var total = await cases.CountAsync(cancellationToken);
        var rows = await CaseStore.ListItems(cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(page * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new([.. rows.Select(r => store.Row(r, rules))], total);
    }

    /// <summary>Whether the reference names one of the investor's cases of this kind (the page's prerender answers 404 otherwise).</summary>
    public async Task<bool> ExistsAsync(Actor actor, CaseKind kind, string reference, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        if (CaseReference.KindOf(reference) != kind)
        {
            return false;
        }

        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        return await db.Set<Case>().AnyAsync(c => c.Reference == reference && c.InvestorId == investorId, cancellationToken);
    }

    public async Task<InvestorCaseView?> GetAsync(Actor actor, CaseKind kind, string reference, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        if (CaseReference.KindOf(reference) != kind)
        {
            return null;
        }

        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference && c.InvestorId == investorId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var now = store.Now();
        var timeline = await CaseStore.TimelineAsync(db, found.Id, forClient: true, cancellationToken);
        var attachments = await CaseStore.AttachmentsAsync(db, found.Id, cancellationToken);
        return new(
            found.Reference, found.Kind, found.RequestType, found.Category, found.Subject, found.Description, found.Status, found.CreatedAt,
            store.SlaOf(found, rules), found.OwnerName, found.AccountNumber, found.TransactionSummary, timeline, attachments, found.Rating,
            found.RatingComment, CaseTransitions.ClientMayReply(found.Status), CaseTransitions.ClientMayWithdraw(found.Status),
            CaseTransitions.ClientMayReopen(found.Status, found.ResolvedAt, now),
            CaseTransitions.ReopenUntil(found.Status, found.ResolvedAt),
            CaseTransitions.ClientMayRate(found.Status, found.Rating), found.Version);
    }
}
