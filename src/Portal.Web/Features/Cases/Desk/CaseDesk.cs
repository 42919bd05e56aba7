using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

/// <summary>The agents' ticket desk (Agent, Specialist, Supervisor).</summary>
public sealed partial class CaseDesk
{
    /// <summary>One page of a view, sorted by due time (earliest first).</summary>
    public Task<CasePage> ListAsync(Actor actor, DeskQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A case with its internal notes; audited (staff opened a case).</summary>
    public Task<DeskCaseView?> GetAsync(Actor actor, string reference, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Takes an unowned case; when someone was quicker, <see cref="CaseError.Taken"/>.</summary>
    public Task PickUpAsync(Actor actor, string reference, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Hands the case to a person or a team, recording who and why; only the owner or a supervisor.</summary>
    public Task AssignAsync(Actor actor, string reference, string? toUserId, StaffTeam? toTeam, string reason, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>To the Specialists team (InboundTier2), unowned until a specialist picks it up.</summary>
    public Task EscalateAsync(Actor actor, string reference, string reason, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>An allowed status change; Resolved needs a (public) resolution text; a complaint closes only once reviewed.</summary>
    public Task SetStatusAsync(Actor actor, string reference, CaseStatus status, string? text, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A public reply; the first one sets the first response time.</summary>
    public Task ReplyAsync(Actor actor, string reference, string text, IReadOnlyList<UploadedFile> attachments, Guid submissionId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>An internal note: never shown to the client.</summary>
    public Task AddNoteAsync(Actor actor, string reference, string text, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task SaveComplaintFormAsync(Actor actor, string reference, ComplaintFormInput input, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A specialist's review of a complaint (not the handler's own).</summary>
    public Task ReviewComplaintAsync(Actor actor, string reference, string? comment, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<AssignTarget>> ListAssignTargetsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<DeskCounts> CountAsync(Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<CaseRow>> RecentForInvestorAsync(Actor actor, int investorId, int take, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A case staff open for a client; its creator owns it (one-stop service).</summary>
    public Task<CaseCreated> CreateForInvestorAsync(Actor actor, StaffCaseInput input, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
