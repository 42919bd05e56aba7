namespace Portal.Web.Features.Chat;

/// <summary>The chat's limits, declared once: the database columns, the service's checks and the pages read them.</summary>
public static class ChatLimits
{
    /// <summary>A message's text (also a note's and a canned response's).</summary>
    public const int MaxText = 2_000;

    public const int MaxClientMessageId = 64;

    public const int MaxRatingComment = 1_000;

    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>At most this many messages per <c>History</c> call.</summary>
    public const int MaxHistory = 500;

    /// <summary>A chat counts as answered in time when accepted within this many seconds of joining the queue.</summary>
    public const int ServiceLevelSeconds = 30;
}
