using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat.Model;

/// <summary>Where a conversation stands inside the portal (clients see <see cref="ChatStatus"/>).</summary>
public enum ConversationState
{
    Queued = 0,
    Offered = 1,
    Active = 2,
    Ended = 3,

    /// <summary>The investor ended or left while still waiting.</summary>
    Abandoned = 4,
}

/// <summary>Why a chat is offered to one person.</summary>
public enum OfferReason
{
    Queue = 0,
    AdviserFirst = 1,
    Transfer = 2,
}

/// <summary>
/// One chat between an investor and the desk, with the timing data reports need. Changed only by conditional
/// updates (the state and the people it names are in each WHERE), so two instances never both win a transition.
/// </summary>
public sealed class Conversation
{
    public const int IdLength = 22;

    /// <summary>The public, opaque id (random, URL-safe).</summary>
    public string Id { get; set; } = "";

    public int InvestorId { get; set; }

    public string InvestorUserId { get; set; } = "";

    public string InvestorName { get; set; } = "";

    /// <summary>The tier when the chat started: the queue order does not move under a month-end.</summary>
    public ClientTier Tier { get; set; }

    public ChatTopic Topic { get; set; }

    public ConversationState State { get; set; }

    public string? AgentUserId { get; set; }

    public string? AgentName { get; set; }

    public string? OfferedToUserId { get; set; }

    public string? OfferedToName { get; set; }

    public DateTimeOffset? OfferedAt { get; set; }

    public OfferReason? OfferReason { get; set; }

    /// <summary>After a transfer to a team: only its members may take the chat.</summary>
    public string? RequiredTeam { get; set; }

    /// <summary>The transfer note the receiver sees with the offer.</summary>
    public string? OfferNote { get; set; }

    /// <summary>Who last let an offer go, so automatic routing tries someone else first.</summary>
    public string? DeclinedByUserId { get; set; }

    /// <summary>The investor's dedicated adviser, for the adviser-first offer.</summary>
    public string? AdviserUserId { get; set; }

    public long LastSequence { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? FirstOfferedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? FirstAgentReplyAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public ChatParty? EndedBy { get; set; }

    public long InvestorReadUpTo { get; set; }

    public long AgentReadUpTo { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? IdleWarnedAt { get; set; }

    public int TransferCount { get; set; }

    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    public ChatDisposition? Disposition { get; set; }

    public bool? ResolvedAtFirstContact { get; set; }

    public DateTimeOffset? WrappedUpAt { get; set; }

    /// <summary>Counts the row's changes; every conditional update raises it.</summary>
    public int Version { get; set; }
}

/// <summary>One stored message. Immutable: the app has no update or delete path, and on PostgreSQL a trigger refuses both.</summary>
public sealed class ConversationMessage
{
    public long Id { get; set; }

    public string ConversationId { get; set; } = "";

    public long Sequence { get; set; }

    public string ClientMessageId { get; set; } = "";

    public ChatParty Sender { get; set; }

    public string? SenderUserId { get; set; }

    public string SenderName { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A transfer of a chat to a colleague or a team.</summary>
public sealed class ConversationTransfer
{
    public long Id { get; set; }

    public string ConversationId { get; set; } = "";

    public string FromUserId { get; set; } = "";

    public string? ToUserId { get; set; }

    public string? ToTeam { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>An internal note on a chat; the client never sees it.</summary>
public sealed class ConversationNote
{
    public long Id { get; set; }

    public string ConversationId { get; set; } = "";

    public string AuthorUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public bool IsTransferNote { get; set; }
}

/// <summary>A desk user's presence and capacity, and when an instance last saw them connected.</summary>
public sealed class DeskPresence
{
    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsSpecialist { get; set; }

    public AgentPresence Presence { get; set; }

    public int Capacity { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the user was last given a chat: automatic routing prefers who waited longest.</summary>
    public DateTimeOffset? LastAssignedAt { get; set; }
}

/// <summary>A canned response; <see cref="Version"/> is its concurrency token.</summary>
public sealed class CannedResponseEntry
{
    public const int ShortcutLength = 32;
    public const int TitleLength = 120;
    public const int CultureLength = 16;

    public int Id { get; set; }

    public string Shortcut { get; set; } = "";

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public string Culture { get; set; } = "";

    public int Version { get; set; }
}
