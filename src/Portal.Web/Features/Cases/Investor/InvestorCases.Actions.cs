using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

// The investor's actions on their own case: reply, withdraw, reopen, rate.
public sealed partial class InvestorCases
{
    /// <summary>A reply from the client; while waiting on the client the case goes back to Open and its clock resumes. Re-sending a submission id adds nothing.</summary>
    public async Task ReplyAsync(Actor actor, string reference, string text, IReadOnlyList<UploadedFile> attachments, Guid submissionId, CancellationToken cancellationToken = default)
    {
        actor.RequireInvestor();
        var errors = new Dictionary<string, string>();
        var reply = store.CheckText(errors, "Text", text, CaseLimits.MaxText);
        CaseStore.ThrowIfInvalid(errors);
        var files = store.CheckAttachments(attachments);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await store.LoadOwnAsync(db, actor, reference, cancellationToken);
        if (await db.Set<CaseEvent>().AnyAsync(e => e.CaseId == found.Id && e.SubmissionId == submissionId, cancellationToken))
        {
            return;
        }

        if (!CaseTransitions.ClientMayReply(found.Status))
        {
            throw store.NotAllowed("Error.NotOpen");
        }

        var now = store.Now();
        var step = CaseStore.AddEvent(db, found, CaseTimelineKind.PublicReply, actor, now, reply, byClient: true, submissionId: submissionId);
        CaseStore.AddAttachments(db, found, step, actor, now, files);
        var kind = CaseChangeKind.Replied;
        if (found.Status == CaseStatus.WaitingOnClient)
        {
            CaseStore.AddEvent(db, found, CaseTimelineKind.StatusChanged, actor, now, from: found.Status, to: CaseStatus.Open, byClient: true);
            CaseStore.ApplyStatus(found, CaseStatus.Open, now, rules);
            store.NotifyStatusChanged(db, found);
            kind = CaseChangeKind.StatusChanged;
        }

        store.Audit.Add(db, actor, AuditActions.CaseReplied, CaseStore.Subject(found.Reference), $"client, {files.Count} file(s)");
        await store.SaveAsync(db, found, kind, cancellationToken);
    }

    public async Task WithdrawAsync(Actor actor, string reference, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireInvestor();
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await store.LoadOwnAsync(db, actor, reference, cancellationToken);
        store.CheckVersion(found, version);
        if (!CaseTransitions.ClientMayWithdraw(found.Status))
        {
            throw store.NotAllowed("Error.NotOpen");
        }

        var now = store.Now();
        CaseStore.AddEvent(db, found, CaseTimelineKind.Withdrawn, actor, now, from: found.Status, to: CaseStatus.Withdrawn, byClient: true);
        store.Audit.Add(db, actor, AuditActions.CaseStatusChanged, CaseStore.Subject(found.Reference), $"{found.Status} → {CaseStatus.Withdrawn}, by the client");
        CaseStore.ApplyStatus(found, CaseStatus.Withdrawn, now, rules);
        store.NotifyStatusChanged(db, found);
        await store.SaveAsync(db, found, CaseChangeKind.StatusChanged, cancellationToken);
    }

    /// <summary>Within <see cref="CaseLimits.ReopenDays"/> days of resolution; back to Open, with a fresh resolution limit.</summary>
    public async Task ReopenAsync(Actor actor, string reference, string reason, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireInvestor();
        var errors = new Dictionary<string, string>();
        var why = store.CheckText(errors, "Reason", reason, CaseLimits.MaxReason);
        CaseStore.ThrowIfInvalid(errors);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await store.LoadOwnAsync(db, actor, reference, cancellationToken);
        store.CheckVersion(found, version);
        var now = store.Now();
        if (!CaseTransitions.ClientMayReopen(found.Status, found.ResolvedAt, now))
        {
            throw store.NotAllowed(found.Status == CaseStatus.Resolved ? "Error.ReopenTooLate" : "Error.NotResolved", CaseLimits.ReopenDays);
        }

        CaseStore.AddEvent(db, found, CaseTimelineKind.Reopened, actor, now, why, found.Status, CaseStatus.Open, byClient: true);
        store.Audit.Add(db, actor, AuditActions.CaseStatusChanged, CaseStore.Subject(found.Reference), $"{found.Status} → {CaseStatus.Open}, reopened by the client");
        CaseStore.ApplyStatus(found, CaseStatus.Open, now, rules);
        store.NotifyStatusChanged(db, found);
        await store.SaveAsync(db, found, CaseChangeKind.StatusChanged, cancellationToken);
    }

    /// <summary>Resolved or Closed cases only, once.</summary>
    public async Task RateAsync(Actor actor, string reference, int score, string? comment, CancellationToken cancellationToken = default)
    {
        actor.RequireInvestor();
        var errors = new Dictionary<string, string>();
        if (score is < CaseLimits.MinRating or > CaseLimits.MaxRating)
        {
            errors["Score"] = store.Text["Error.Score", CaseLimits.MinRating, CaseLimits.MaxRating];
        }

        var remark = store.CheckText(errors, "Comment", comment, CaseLimits.MaxRatingComment, required: false);
        CaseStore.ThrowIfInvalid(errors);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await store.LoadOwnAsync(db, actor, reference, cancellationToken);
        if (!CaseTransitions.ClientMayRate(found.Status, found.Rating))
        {
            throw store.NotAllowed(found.Rating is null ? "Error.NotResolved" : "Error.AlreadyRated");
        }

        var now = store.Now();
        found.Rating = score;
        found.RatingComment = remark;
        found.RatedAt = now;
        CaseStore.AddEvent(db, found, CaseTimelineKind.Rated, actor, now, remark, byClient: true);
        store.Audit.Add(db, actor, AuditActions.CaseRated, CaseStore.Subject(found.Reference), score.ToString(CultureInfo.InvariantCulture));
        await store.SaveAsync(db, found, CaseChangeKind.Updated, cancellationToken);
    }
}
