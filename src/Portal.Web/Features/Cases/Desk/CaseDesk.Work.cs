using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases.Model;

namespace Portal.Web.Features.Cases;

// Working a case: status, public replies, internal notes, the complaint form and its review, cases opened by staff.
public sealed partial class CaseDesk
{
    /// <summary>
    /// An allowed status change (<see cref="CaseTransitions"/>). Resolved needs a resolution text, which the client sees;
    /// a complaint closes only once a specialist reviewed it. Resolving past the due time costs the handler late points.
    /// </summary>
    public async Task SetStatusAsync(Actor actor, string reference, CaseStatus status, string? text, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var note = store.CheckText(errors, "Text", text, CaseLimits.MaxText, required: status == CaseStatus.Resolved);
        CaseStore.ThrowIfInvalid(errors);
        var rules = await store.RulesAsync(cancellationToken);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await LoadForChangeAsync(db, actor, reference, version, cancellationToken);
        if (!CaseTransitions.DeskMay(found.Status, status))
        {
            throw store.NotAllowed("Error.Transition", store.Text["Status." + found.Status].Value, store.Text["Status." + status].Value);
        }

        if (status == CaseStatus.Closed && found.Kind == CaseKind.Complaint && found.ReviewedAt is null)
        {
            throw store.NotAllowed("Error.NeedsReview");
        }

        var now = store.Now();
        var from = found.Status;
        CaseStore.AddEvent(db, found, CaseTimelineKind.StatusChanged, actor, now, note, from, status);
        if (note is not null)
        {
            found.FirstRespondedAt ??= now;
        }

        CaseStore.ApplyStatus(found, status, now, rules);
        if (status == CaseStatus.Resolved)
        {
            found.HandlerUserId = found.OwnerUserId ?? actor.UserId;
            found.HandlerName = found.OwnerName ?? actor.Name;
            if (found.Kind == CaseKind.Complaint && string.IsNullOrEmpty(found.Resolution))
            {
                found.Resolution = note;
            }

            await store.AwardLatePointsAsync(db, found, actor, now, rules, cancellationToken);
        }

        store.Audit.Add(db, actor, AuditActions.CaseStatusChanged, CaseStore.Subject(found.Reference), $"{from} → {status}");
        store.NotifyStatusChanged(db, found);
        await store.SaveAsync(db, found, CaseChangeKind.StatusChanged, cancellationToken);
    }

    /// <summary>A public reply (the client sees it); the first one sets the first response time. Re-sending a submission id adds nothing.</summary>
    public async Task ReplyAsync(Actor actor, string reference, string text, IReadOnlyList<UploadedFile> attachments, Guid submissionId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var reply = store.CheckText(errors, "Text", text, CaseLimits.MaxText);
        CaseStore.ThrowIfInvalid(errors);
        var files = store.CheckAttachments(attachments);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await store.LoadAsync(db, reference, cancellationToken);
        if (await db.Set<CaseEvent>().AnyAsync(e => e.CaseId == found.Id && e.SubmissionId == submissionId, cancellationToken))
        {
            return;
        }

        if (!CanHandle(actor, found))
        {
            throw store.NotAllowed(found.OwnerUserId is null ? "Error.PickUpFirst" : "Error.NotYours", found.OwnerName ?? "");
        }

        if (found.Status is CaseStatus.Closed or CaseStatus.Withdrawn)
        {
            throw store.NotAllowed("Error.NotOpen");
        }

        var now = store.Now();
        var step = CaseStore.AddEvent(db, found, CaseTimelineKind.PublicReply, actor, now, reply, submissionId: submissionId);
        CaseStore.AddAttachments(db, found, step, actor, now, files);
        found.FirstRespondedAt ??= now;
        store.Audit.Add(db, actor, AuditActions.CaseReplied, CaseStore.Subject(found.Reference), $"staff, {files.Count} file(s)");
        store.NotifyReplied(db, found);
        await store.SaveAsync(db, found, CaseChangeKind.Replied, cancellationToken);
    }

    /// <summary>An internal note: anyone on the desk may add one; never shown to the client.</summary>
    public async Task AddNoteAsync(Actor actor, string reference, string text, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var note = store.CheckText(errors, "Text", text, CaseLimits.MaxText);
        CaseStore.ThrowIfInvalid(errors);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await store.LoadAsync(db, reference, cancellationToken);
        CaseStore.AddEvent(db, found, CaseTimelineKind.InternalNote, actor, store.Now(), note, isInternal: true);
        store.Audit.Add(db, actor, AuditActions.CaseNoteAdded, CaseStore.Subject(found.Reference));
        await store.SaveAsync(db, found, CaseChangeKind.NoteAdded, cancellationToken);
    }

    /// <summary>The complaint handling form's investigation, resolution and the client's response; owner or supervisor.</summary>
    public async Task SaveComplaintFormAsync(Actor actor, string reference, ComplaintFormInput input, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var investigation = store.CheckText(errors, nameof(input.Investigation), input.Investigation, CaseLimits.MaxText, required: false);
        var resolution = store.CheckText(errors, nameof(input.Resolution), input.Resolution, CaseLimits.MaxText, required: false);
        var response = store.CheckText(errors, nameof(input.ClientResponse), input.ClientResponse, CaseLimits.MaxText, required: false);
        CaseStore.ThrowIfInvalid(errors);
        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await LoadForChangeAsync(db, actor, reference, version, cancellationToken);
        if (found.Kind != CaseKind.Complaint)
        {
            throw store.NotAllowed("Error.NotComplaint");
        }

        var changed = new List<string>();
        if (found.Investigation != investigation)
        {
            changed.Add(nameof(input.Investigation));
        }

        if (found.Resolution != resolution)
        {
            changed.Add(nameof(input.Resolution));
        }

        if (found.ClientResponse != response)
        {
            changed.Add(nameof(input.ClientResponse));
        }

        found.Investigation = investigation;
        found.Resolution = resolution;
        found.ClientResponse = response;
        CaseStore.AddEvent(db, found, CaseTimelineKind.FormSaved, actor, store.Now(), isInternal: true);
        store.Audit.Add(db, actor, AuditActions.CaseFormSaved, CaseStore.Subject(found.Reference), changed.Count == 0 ? "no change" : string.Join(", ", changed));
        await store.SaveAsync(db, found, CaseChangeKind.Updated, cancellationToken);
    }

    /// <summary>A specialist's review of a complaint, never the handler's own; a complaint closes only once reviewed.</summary>
    public async Task ReviewComplaintAsync(Actor actor, string reference, string? comment, int version, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        var errors = new Dictionary<string, string>();
        var remark = store.CheckText(errors, "Comment", comment, CaseLimits.MaxText, required: false);
        CaseStore.ThrowIfInvalid(errors);
        if (!actor.IsInRole(Roles.Specialist))
        {
            throw store.NotAllowed("Error.SpecialistsOnly");
        }

        await using var db = await store.Db.CreateDbContextAsync(cancellationToken);
        var found = await store.LoadAsync(db, reference, cancellationToken);
        store.CheckVersion(found, version);
        if (found.Kind != CaseKind.Complaint)
        {
            throw store.NotAllowed("Error.NotComplaint");
        }

        if (found.Status != CaseStatus.Resolved)
        {
            throw store.NotAllowed("Error.NotResolved");
        }

        if ((found.HandlerUserId ?? found.OwnerUserId) == actor.UserId)
        {
            throw store.NotAllowed("Error.OwnReview");
        }

        var now = store.Now();
        found.ReviewerUserId = actor.UserId;
        found.ReviewerName = actor.Name;
        found.ReviewedAt = now;
        CaseStore.AddEvent(db, found, CaseTimelineKind.Reviewed, actor, now, remark, isInternal: true);
        store.Audit.Add(db, actor, AuditActions.CaseReviewed, CaseStore.Subject(found.Reference));
        await store.SaveAsync(db, found, CaseChangeKind.Updated, cancellationToken);
    }

    /// <summary>A case staff open for a client (from a call or a chat); its creator owns it from acceptance to close (one-stop service).</summary>
    public async Task<CaseCreated> CreateForInvestorAsync(Actor actor, StaffCaseInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(CaseStore.DeskRoles);
        return await store.CreateForInvestorAsync(actor, input, actor.UserId!, actor.Name, CaseStore.TeamOf(actor), cancellationToken);
    }
}
