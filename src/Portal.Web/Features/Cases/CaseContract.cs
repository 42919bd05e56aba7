using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

// The cases service API (issue 10): the pages call these services with these shapes. They may grow, not change.

/// <summary>A complaint (reference <c>C-…</c>) or a service request (<c>R-…</c>).</summary>
public enum CaseKind
{
    Complaint = 0,
    Request = 1,
}

/// <summary>The service requests of the DOMAIN.md table, in its order; each has a standard and a VIP time limit.</summary>
public enum RequestType
{
    AccountOpening = 0,
    OnlineOpeningAssignment = 1,
    AccountActivation = 2,
    OnlineActivation = 3,
    OnlineAccessChange = 4,
    RemoteAssistance = 5,
    AuthorisationCode = 6,
    PasswordReset = 7,
    AccountTransfer = 8,
    AccountClosing = 9,
    Other = 10,
}

public enum CaseCategory
{
    Account = 0,
    Trading = 1,
    Fees = 2,
    Statements = 3,
    OnlineServices = 4,
    StaffConduct = 5,
    Other = 6,
}

public enum CaseStatus
{
    New = 0,
    Open = 1,
    WaitingOnClient = 2,
    Escalated = 3,
    Resolved = 4,
    Closed = 5,
    Withdrawn = 6,
}

/// <summary>How the case reached the firm.</summary>
public enum CaseChannel
{
    Portal = 0,
    Phone = 1,
    Chat = 2,
}

/// <summary>
/// Where a case stands against its due time: running (<see cref="OnTrack"/>, <see cref="DueSoon"/>,
/// <see cref="Breached"/>), stopped while waiting on the client (<see cref="Paused"/>), or done in time
/// (<see cref="Met"/>) or late (<see cref="MissedButDone"/>).
/// </summary>
public enum SlaState
{
    OnTrack = 0,
    DueSoon = 1,
    Breached = 2,
    Paused = 3,
    Met = 4,
    MissedButDone = 5,
}

/// <summary>The desk's tabs.</summary>
public enum DeskView
{
    Unassigned = 0,
    Mine = 1,
    MyTeam = 2,
    DueSoon = 3,
    Breached = 4,
    All = 5,
}

public enum CaseTimelineKind
{
    Created = 0,
    StatusChanged = 1,
    PublicReply = 2,
    InternalNote = 3,
    Assigned = 4,
    Escalated = 5,
    Handover = 6,
    Reopened = 7,
    Withdrawn = 8,
    Rated = 9,
    Reviewed = 10,

    /// <summary>The complaint handling form was saved (desk only).</summary>
    FormSaved = 11,
}

/// <summary>What went wrong; <see cref="CaseException.Message"/> says it in the user's language.</summary>
public enum CaseError
{
    /// <summary>No such case, or not the caller's (existence is not revealed).</summary>
    NotFound,
    Invalid,

    /// <summary>Someone else changed the case after the caller loaded it; nothing was saved.</summary>
    Stale,

    /// <summary>Another member of staff picked the case up first.</summary>
    Taken,

    /// <summary>The case's status or the caller's part in it does not allow this.</summary>
    NotAllowed,
    AttachmentRejected,
}

/// <summary>
/// A refused case operation, with a localized message; for <see cref="CaseError.Invalid"/> and
/// <see cref="CaseError.AttachmentRejected"/> also the localized message per field (e.g. <c>Subject</c>, <c>Attachments</c>).
/// </summary>
public sealed class CaseException(CaseError code, string message, IReadOnlyDictionary<string, string>? fieldErrors = null) : Exception(message)
{
    public CaseError Code { get; } = code;

    public IReadOnlyDictionary<string, string> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string>();
}

/// <summary>A file as the browser sent it: its name is only a label, its type comes from its bytes.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>An investor's new complaint or request. <paramref name="SubmissionId"/> is made once per form: a second submit returns the first case.</summary>
public sealed record NewCaseInput(
    CaseKind Kind,
    RequestType? RequestType,
    CaseCategory Category,
    string Subject,
    string Description,
    string? AccountNumber,
    long? TransactionId,
    IReadOnlyList<UploadedFile> Attachments,
    Guid SubmissionId);

public sealed record CaseCreated(string Reference, CaseKind Kind, DateTimeOffset DueAt, DateTimeOffset? FirstResponseDueAt);

/// <summary>A case in a list. <paramref name="InvestorName"/> is the client's name (an investor's own lists show their own).</summary>
public sealed record CaseRow(
    string Reference,
    CaseKind Kind,
    RequestType? RequestType,
    CaseCategory Category,
    string Subject,
    CaseStatus Status,
    ClientTier Tier,
    string InvestorName,
    string? OwnerName,
    string? Team,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    SlaState Sla,
    DateTimeOffset UpdatedAt);

public sealed record CasePage(IReadOnlyList<CaseRow> Rows, int Total);

public sealed record CaseAttachmentInfo(long Id, string FileName, string ContentType, long Size);

public sealed record CaseTimelineItem(
    long Id,
    CaseTimelineKind Kind,
    string ActorName,
    bool ByClient,
    string? Text,
    CaseStatus? FromStatus,
    CaseStatus? ToStatus,
    DateTimeOffset At,
    IReadOnlyList<CaseAttachmentInfo> Attachments);

/// <summary>The case's clock. <paramref name="BusinessMinutesLeft"/> is negative once breached.</summary>
public sealed record SlaInfo(
    DateTimeOffset DueAt,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstRespondedAt,
    SlaState State,
    bool Paused,
    double BusinessMinutesLeft);

/// <summary>A case as its investor sees it: never an internal note, never internal details.</summary>
public sealed record InvestorCaseView(
    string Reference,
    CaseKind Kind,
    RequestType? RequestType,
    CaseCategory Category,
    string Subject,
    string Description,
    CaseStatus Status,
    DateTimeOffset CreatedAt,
    SlaInfo Sla,
    string? OwnerName,
    string? AccountNumber,
    string? TransactionSummary,
    IReadOnlyList<CaseTimelineItem> Timeline,
    IReadOnlyList<CaseAttachmentInfo> Attachments,
    int? Rating,
    string? RatingComment,
    bool CanReply,
    bool CanWithdraw,
    bool CanReopen,
    DateTimeOffset? ReopenUntil,
    bool CanRate,
    int Version);

/// <summary>The complaint handling form (客户投诉处理单).</summary>
public sealed record ComplaintForm(
    string ClientName,
    string? Contact,
    DateTimeOffset ReceivedAt,
    CaseChannel Channel,
    CaseCategory Category,
    string Content,
    string? Investigation,
    string? Resolution,
    string? ClientResponse,
    string? HandlerName,
    string? ReviewerName,
    DateTimeOffset? ReviewedAt,
    DateTimeOffset? ResolvedAt);

public sealed record ComplaintFormInput(string? Investigation, string? Resolution, string? ClientResponse);

/// <summary>
/// A case as the desk sees it: everything the investor sees (the <c>Can…</c> flags say what the client may do now,
/// except <see cref="CanReply"/>: whether the caller may reply), internal notes and the handling details.
/// </summary>
public sealed record DeskCaseView(
    string Reference,
    CaseKind Kind,
    RequestType? RequestType,
    CaseCategory Category,
    string Subject,
    string Description,
    CaseStatus Status,
    DateTimeOffset CreatedAt,
    SlaInfo Sla,
    string? OwnerName,
    string? AccountNumber,
    string? TransactionSummary,
    IReadOnlyList<CaseTimelineItem> Timeline,
    IReadOnlyList<CaseAttachmentInfo> Attachments,
    int? Rating,
    string? RatingComment,
    bool CanReply,
    bool CanWithdraw,
    bool CanReopen,
    DateTimeOffset? ReopenUntil,
    bool CanRate,
    int InvestorId,
    string InvestorName,
    ClientTier Tier,
    string? OwnerUserId,
    string? Team,
    CaseChannel Channel,
    ComplaintForm? Complaint,
    bool CanPickUp,
    bool CanEdit,
    bool NeedsReview,
    int Version)
{
    /// <summary>The staff member who escalated the case.</summary>
    public string? EscalatedByName { get; init; }

    /// <summary>The call record or chat conversation the case came from.</summary>
    public string? SourceReference { get; init; }
}

public sealed record DeskQuery(DeskView View, CaseKind? Kind, RequestType? RequestType, ClientTier? Tier, CaseStatus? Status, int Page, int PageSize);

public sealed record DeskCounts(int Unassigned, int Mine, int MyTeam, int DueSoon, int Breached);

public sealed record AssignTarget(string UserId, string Name, StaffTeam Team);

/// <summary>A case staff open for a client (from a call or a chat); the one who creates it owns it.</summary>
public sealed record StaffCaseInput(
    int InvestorId,
    CaseKind Kind,
    RequestType? RequestType,
    CaseCategory Category,
    string Subject,
    string Description,
    CaseChannel Channel,
    string? SourceReference,
    Guid SubmissionId);

/// <summary>What "Report a problem" fills in: the investor's own account and transaction.</summary>
public sealed record CaseContext(string AccountNumber, long? TransactionId, string? Summary, string? SuggestedSubject);

public sealed record PointsEntry(
    long Id,
    string AgentUserId,
    string AgentName,
    string? CaseReference,
    double Points,
    string Reason,
    int MinutesOver,
    bool IsError,
    DateTimeOffset At,
    string? ByName);

public sealed record PointsTotal(string AgentUserId, string AgentName, double Points, int Errors);

public enum CallTopic
{
    Account = 0,
    Trading = 1,
    Fees = 2,
    Statements = 3,
    OnlineServices = 4,
    Complaint = 5,
    Other = 6,
}

/// <summary>The call record form (客户来电记录单).</summary>
public sealed record CallRecordInput(
    string CallerName,
    string? AccountNumber,
    DateTimeOffset CalledAt,
    CallTopic Topic,
    string Question,
    string Answer,
    bool FollowUpNeeded,
    string? FollowUpUserId,
    string? Result,
    Guid SubmissionId);

public sealed record CallRecordSaved(long Id);

public sealed record CallRecordRow(long Id, string CallerName, string? AccountNumber, DateTimeOffset CalledAt, CallTopic Topic, bool FollowUpNeeded, string? CaseReference);

public enum PhoneScriptKind
{
    Greeting = 0,
    Closing = 1,
    UpsetCaller = 2,
    Dialect = 3,
    BeyondKnowledge = 4,
}

public sealed record PhoneScript(int Id, PhoneScriptKind Kind, string Culture, string Text, int Version);

/// <summary>What happened to a case, for live lists and pages.</summary>
public enum CaseChangeKind
{
    Created = 0,
    StatusChanged = 1,
    Replied = 2,
    Assigned = 3,
    NoteAdded = 4,
    Updated = 5,
}

public sealed record CaseChanged(string Reference, string InvestorUserId, CaseChangeKind Kind);
