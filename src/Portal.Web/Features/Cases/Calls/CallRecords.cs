using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

/// <summary>The call record form (Agent, Specialist, Supervisor) and its one-click follow-up case.</summary>
public sealed class CallRecords(CaseStore store, AccountDirectory accounts)
{
    /// <summary>Saves the record; saving the same form (submission id) again returns the first record.</summary>
    public async Task<CallRecordSaved> SaveAsync(Actor actor, CallRecordInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var caller = store.CheckText(errors, nameof(input.CallerName), input.CallerName, CaseLimits.MaxCallerName);
        var account = store.CheckText(errors, nameof(input.AccountNumber), input.AccountNumber, CaseLimits.MaxAccountNumber, required: false);
        var question = store.CheckText(errors, nameof(input.Question), input.Question, CaseLimits.MaxText);
        var answer = store.CheckText(errors, nameof(input.Answer), input.Answer, CaseLimits.MaxText);
        var result = store.CheckText(errors, nameof(input.Result), input.Result, CaseLimits.MaxText, required: false);
        if (!Enum.IsDefined(input.Topic))
        {
            errors[nameof(input.Topic)] = store.Text["Error.Required"];
        }

        if (input.SubmissionId == Guid.Empty)
        {
            errors[nameof(input.SubmissionId)] = store.Text["Error.Required"];
        }

        DeskMember? followUp = null;
        if (input.FollowUpNeeded && !string.IsNullOrWhiteSpace(input.FollowUpUserId))
        {
            followUp = (await accounts.ListDeskMembersAsync(actor, cancellationToken)).FirstOrDefault(m => m.UserId == input.FollowUpUserId);
            if (followUp is null)
            {
                errors[nameof(input.FollowUpUserId)] = store.Text["Error.AssignTarget"];
            }
        }

        CaseStore.ThrowIfInvalid(errors);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var userId = actor.UserId ?? "";
        if (await Earlier(db, userId, input.SubmissionId, cancellationToken) is { } earlier)
        {
            return new(earlier);
        }

        var investorId = account is null ? null : await store.Investors.FindIdByAccountNumberAsync(db, actor, account, cancellationToken);
        var record = new CallRecord
        {
            CallerName = caller!, AccountNumber = account, InvestorId = investorId, CalledAt = input.CalledAt.ToUniversalTime(), Topic = input.Topic,
            Question = question!, Answer = answer!, FollowUpNeeded = input.FollowUpNeeded, FollowUpUserId = followUp?.UserId,
            FollowUpName = followUp?.DisplayName, Result = result, RecordedByUserId = userId, RecordedByName = actor.Name,
            RecordedAt = store.Now(), SubmissionId = input.SubmissionId,
        };
        db.Add(record);
        store.Audit.Add(db, actor, AuditActions.CallRecorded, "call:" + input.SubmissionId, $"{input.Topic}{(input.FollowUpNeeded ? ", follow-up" : "")}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (CaseStore.IsUniqueViolation(ex))
        {
            await using var again = await store.Db.CreateDbContextAsync(cancellationToken);
            return new(await Earlier(again, userId, input.SubmissionId, cancellationToken) ?? throw store.NotFound());
        }

        return new(record.Id);
    }

    /// <summary>
    /// A case from a call that needs follow-up and names a known account: the details carried over, channel Phone,
    /// owned by the follow-up person (or whoever took the call). Once: a second call returns the same case.
    /// </summary>
    public async Task<CaseCreated> CreateCaseAsync(Actor actor, long callRecordId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var record = await db.Set<CallRecord>().SingleOrDefaultAsync(r => r.Id == callRecordId, cancellationToken);
        if (record is null || (record.RecordedByUserId != actor.UserId && record.FollowUpUserId != actor.UserId && !actor.IsInRole(Roles.Supervisor)))
        {
            throw store.NotFound();
        }

        if (!record.FollowUpNeeded)
        {
            throw store.NotAllowed("Error.NoFollowUp");
        }

        if (record.InvestorId is not { } investorId)
        {
            throw store.NotAllowed("Error.UnknownAccount");
        }

        var complaint = record.Topic == CallTopic.Complaint;
        var description = string.Join("\n\n", new[]
        {
            $"{store.Text["Call.Caller"]}: {record.CallerName}", $"{store.Text["Call.Question"]}: {record.Question}",
            $"{store.Text["Call.Answer"]}: {record.Answer}", record.Result is null ? null : $"{store.Text["Call.Result"]}: {record.Result}",
        }.Where(p => p is not null));
        var firstLine = record.Question.Split('\n', 2)[0].Trim();
        var input = new StaffCaseInput(
            investorId, complaint ? CaseKind.Complaint : CaseKind.Request, complaint ? null : RequestType.Other, CategoryOf(record.Topic),
            firstLine.Length <= CaseLimits.MaxSubject ? firstLine : firstLine[..CaseLimits.MaxSubject],
            description.Length <= CaseLimits.MaxDescription ? description : description[..CaseLimits.MaxDescription],
            CaseChannel.Phone, "call:" + record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), SubmissionOf(record.Id));
        var ownerId = record.FollowUpUserId ?? record.RecordedByUserId;
        var ownerName = record.FollowUpName ?? record.RecordedByName;
        var team = (await accounts.ListDeskMembersAsync(actor, cancellationToken)).FirstOrDefault(m => m.UserId == ownerId)?.Team ?? StaffTeam.InboundTier1;
        var created = await store.CreateForInvestorAsync(actor, input, ownerId, ownerName, team, cancellationToken);
        await db.Set<CallRecord>().Where(r => r.Id == record.Id && r.CaseReference == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CaseReference, created.Reference)
                .SetProperty(r => r.CaseId, db.Set<Case>().Where(c => c.Reference == created.Reference).Select(c => (long?)c.Id).FirstOrDefault()), cancellationToken);
        return created;
    }

    /// <summary>The caller's own recent calls, newest first.</summary>
    public async Task<IReadOnlyList<CallRecordRow>> ListRecentAsync(Actor actor, int take, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        return await db.Set<CallRecord>().AsNoTracking().Where(r => r.RecordedByUserId == actor.UserId)
            .OrderByDescending(r => r.CalledAt).ThenByDescending(r => r.Id).Take(Math.Clamp(take, 1, CaseLimits.MaxPageSize))
            .Select(r => new CallRecordRow(r.Id, r.CallerName, r.AccountNumber, r.CalledAt, r.Topic, r.FollowUpNeeded, r.CaseReference))
            .ToListAsync(cancellationToken);
    }

    private static CaseCategory CategoryOf(CallTopic topic) => topic switch
    {
        CallTopic.Account => CaseCategory.Account,
        CallTopic.Trading => CaseCategory.Trading,
        CallTopic.Fees => CaseCategory.Fees,
        CallTopic.Statements => CaseCategory.Statements,
        CallTopic.OnlineServices => CaseCategory.OnlineServices,
        _ => CaseCategory.Other,
    };

    /// <summary>The one submission id of a call's case, the same on every click (the case's unique submission makes it once).</summary>
    private static Guid SubmissionOf(long callRecordId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("portal-call-record:" + callRecordId.ToString(System.Globalization.CultureInfo.InvariantCulture))).AsSpan(0, 16));

    private static async Task<long?> Earlier(Data.PortalDbContext db, string userId, Guid submissionId, CancellationToken cancellationToken) =>
        await db.Set<CallRecord>().AsNoTracking().Where(r => r.RecordedByUserId == userId && r.SubmissionId == submissionId)
            .Select(r => (long?)r.Id).SingleOrDefaultAsync(cancellationToken);
}
