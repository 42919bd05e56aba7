namespace Portal.Web.Features.Cases;

/// <summary>The cases' limits, declared once: the database columns, the services' checks and the pages read them.</summary>
public static class CaseLimits
{
    public const int MaxSubject = 120;
    public const int MaxDescription = 4_000;

    /// <summary>A public reply's or an internal note's text (also the complaint form's fields).</summary>
    public const int MaxText = 4_000;

    /// <summary>A reason (escalation, handover, reopening, points offset).</summary>
    public const int MaxReason = 500;

    /// <summary>At most this many files per submission and per reply.</summary>
    public const int MaxAttachments = 5;

    public const int MaxAttachmentBytes = 5 * 1024 * 1024;

    public const int MaxFileName = 255;

    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxRatingComment = 1_000;

    /// <summary>A resolved case can be reopened for this many days.</summary>
    public const int ReopenDays = 14;

    public const int MaxPageSize = 100;

    public const int MaxCallerName = 200;
    public const int MaxAccountNumber = 32;
    public const int MaxPhoneScript = 4_000;

    /// <summary>A supervisor offsets at most this many points at once.</summary>
    public const double MaxOffsetPoints = 10;

    /// <summary>The PDF, JPEG and PNG content types, the only ones accepted (from the bytes).</summary>
    public static readonly IReadOnlyList<string> AcceptedContentTypes = ["application/pdf", "image/jpeg", "image/png"];
}
