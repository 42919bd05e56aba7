using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

/// <summary>The call record form (Agent, Specialist, Supervisor) and its one-click follow-up case.</summary>
public sealed class CallRecords
{
    public Task<CallRecordSaved> SaveAsync(Actor actor, CallRecordInput input, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A case from a call that needs follow-up (channel Phone, owned by the follow-up person); a second call returns the same case.</summary>
    public Task<CaseCreated> CreateCaseAsync(Actor actor, long callRecordId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The caller's own recent calls, newest first.</summary>
    public Task<IReadOnlyList<CallRecordRow>> ListRecentAsync(Actor actor, int take, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
