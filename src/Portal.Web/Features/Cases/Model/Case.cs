using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases.Model;

/// <summary>
/// A complaint or service request. The investor's name and tier are snapshots taken when the case opened (the tier
/// decides the limit, so it must not move with later month-ends). The clock: <see cref="DueAt"/> is the resolution
/// due time with every finished pause added; while waiting on the client <see cref="PausedSince"/> is set.
/// </summary>
public sealed class Case
{
    public const int ReferenceLength = 15;

    public long Id { get; set; }

    /// <summary><c>C-20261201-0042</c> or <c>R-…</c>: the kind, the business date, the kind's running number that day.</summary>
    public string Reference { get; set; } = "";

    public CaseKind Kind { get; set; }

    public RequestType? RequestType { get; set; }

    public CaseCategory Category { get; set; }

    public string Subject { get; set; } = "";

    public string Description { get; set; } = "";

    public int InvestorId { get; set; }

    public string InvestorUserId { get; set; } = "";

    public string InvestorName { get; set; } = "";

    public ClientTier Tier { get; set; }

    public CaseChannel Channel { get; set; }

    /// <summary>The call record or chat conversation the case came from.</summary>
    public string? SourceReference { get; set; }

    /// <summary>Made once per form: a second submit with the same id finds this case (unique per investor).</summary>
    public Guid SubmissionId { get; set; }

    public string? AccountNumber { get; set; }

    public long? TransactionId { get; set; }

    public string? TransactionSummary { get; set; }

    public CaseStatus Status { get; set; }

    public string? OwnerUserId { get; set; }

    public string? OwnerName { get; set; }

    public StaffTeam? Team { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FirstResponseDueAt { get; set; }

    public DateTimeOffset? FirstRespondedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Business minutes spent waiting on the client, over all finished pauses.</summary>
    public double PausedBusinessMinutes { get; set; }

    public DateTimeOffset? PausedSince { get; set; }

    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    public DateTimeOffset? RatedAt { get; set; }

    public string? Investigation { get; set; }

    public string? Resolution { get; set; }

    public string? ClientResponse { get; set; }

    /// <summary>Who resolved it last (the handler on the complaint form, and who late points go to).</summary>
    public string? HandlerUserId { get; set; }

    public string? HandlerName { get; set; }

    public string? ReviewerUserId { get; set; }

    public string? ReviewerName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? EscalatedByUserId { get; set; }

    public string? EscalatedByName { get; set; }

    /// <summary>Raised by every change; a save naming an older one is refused (optimistic concurrency).</summary>
    public int Version { get; set; }
}

/// <summary>One step on a case's timeline. <see cref="Internal"/> steps (notes) are never shown to the client.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public Case? Case { get; set; }

    public CaseTimelineKind Kind { get; set; }

    public string? ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    public bool ByClient { get; set; }

    public bool Internal { get; set; }

    public string? Text { get; set; }

    public CaseStatus? FromStatus { get; set; }

    public CaseStatus? ToStatus { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A reply's form id: sending it again adds nothing (unique per case).</summary>
    public Guid? SubmissionId { get; set; }
}

/// <summary>A file attached to a case, its bytes in the database so every instance can serve it.</summary>
public sealed class CaseAttachment
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public Case? Case { get; set; }

    /// <summary>The timeline step it came with (the submission or a reply).</summary>
    public long? EventId { get; set; }

    public CaseEvent? Event { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>From the sniffed bytes, never from the name or the browser.</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];

    public string UploadedByUserId { get; set; } = "";

    public string UploadedByName { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>A change of hands: from whom, to whom (a person or a team), why and by whom.</summary>
public sealed class CaseHandover
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public Case? Case { get; set; }

    public string? FromUserId { get; set; }

    public string? FromName { get; set; }

    public string? ToUserId { get; set; }

    public string? ToName { get; set; }

    public StaffTeam? ToTeam { get; set; }

    public string Reason { get; set; } = "";

    public string ByUserId { get; set; } = "";

    public string ByName { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

/// <summary>Late-handling points of one agent (negative: a supervisor's offset).</summary>
public sealed class CasePoints
{
    public long Id { get; set; }

    public string AgentUserId { get; set; } = "";

    public string AgentName { get; set; } = "";

    public long? CaseId { get; set; }

    public string? CaseReference { get; set; }

    /// <summary>The month (first day, business time zone) the points count in.</summary>
    public DateOnly Month { get; set; }

    public double Points { get; set; }

    public string Reason { get; set; } = "";

    public int MinutesOver { get; set; }

    public bool IsError { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ByUserId { get; set; }

    public string? ByName { get; set; }
}

/// <summary>The call record form (客户来电记录单), kept by the member of staff who took the call.</summary>
public sealed class CallRecord
{
    public long Id { get; set; }

    public string CallerName { get; set; } = "";

    public string? AccountNumber { get; set; }

    public int? InvestorId { get; set; }

    public DateTimeOffset CalledAt { get; set; }

    public CallTopic Topic { get; set; }

    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    public bool FollowUpNeeded { get; set; }

    public string? FollowUpUserId { get; set; }

    public string? FollowUpName { get; set; }

    public string? Result { get; set; }

    public string RecordedByUserId { get; set; } = "";

    public string RecordedByName { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Made once per form (unique per recorder): a second save finds this record.</summary>
    public Guid SubmissionId { get; set; }

    public long? CaseId { get; set; }

    public string? CaseReference { get; set; }
}

/// <summary>One phone script in one language; seeded in en and zh-Hans, edited by supervisors.</summary>
public sealed class PhoneScriptText
{
    public int Id { get; set; }

    public PhoneScriptKind Kind { get; set; }

    public string Culture { get; set; } = "";

    public string Text { get; set; } = "";

    public int Version { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}
