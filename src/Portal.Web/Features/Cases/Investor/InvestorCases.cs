using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

/// <summary>An investor's own complaints and service requests (role Investor; only their own cases, others are not found).</summary>
public sealed partial class InvestorCases
{
    public Task<CaseCreated> SubmitAsync(Actor actor, NewCaseInput input, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The investor's cases of one kind, newest first.</summary>
    public Task<CasePage> ListAsync(Actor actor, CaseKind kind, CaseStatus? status, int page, int pageSize, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<InvestorCaseView?> GetAsync(Actor actor, CaseKind kind, string reference, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A reply from the client; while waiting on the client the case goes back to Open and its clock resumes.</summary>
    public Task ReplyAsync(Actor actor, string reference, string text, IReadOnlyList<UploadedFile> attachments, Guid submissionId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task WithdrawAsync(Actor actor, string reference, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Within <see cref="CaseLimits.ReopenDays"/> days of resolution; back to Open.</summary>
    public Task ReopenAsync(Actor actor, string reference, string reason, int version, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Resolved or Closed cases only, once.</summary>
    public Task RateAsync(Actor actor, string reference, int score, string? comment, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>What "Report a problem" prefills from the investor's own transaction or statement month; null when not theirs.</summary>
    public Task<CaseContext?> GetContextAsync(Actor actor, long? transactionId, string? statementMonth, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
