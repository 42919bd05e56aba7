using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat;

// What the chat service hands the pages (and the hub) beyond the hub contract's own types (ChatContract.cs).

/// <summary>Whether an investor can chat now: an agent Online opens chat (also at night); otherwise they leave a message.</summary>
public sealed record ChatAvailability(bool AgentsOnline, DateTimeOffset? NextOpening, bool BusinessOpen);

/// <summary>A desk user's own state: presence, how many chats they may hold and how many they hold.</summary>
public sealed record DeskStatus(AgentPresence Presence, int Capacity, int OpenChats);

/// <summary>A waiting chat as the desk sees it, in queue order; <see cref="OfferedToName"/> while it is offered to someone.</summary>
public sealed record QueueEntry(string ConversationId, ClientTier Tier, ChatTopic Topic, DateTimeOffset QueuedAt, string? OfferedToName);

/// <summary>An agent or specialist: who they are, their team (<c>Agents</c> or <see cref="ChatTeams.Specialists"/>) and load.</summary>
public sealed record DeskColleague(string UserId, string Name, string Team, AgentPresence Presence, int OpenChats, int Capacity);

/// <summary>How a chat ended, for reports.</summary>
public enum ChatDisposition
{
    Answered,
    Escalated,
    FollowUpNeeded,
    NoResponse,
    Other,
}

public sealed record WrapUpRequest(string ConversationId, ChatDisposition Disposition, bool ResolvedAtFirstContact);

/// <summary>An internal note (never shown to the client); transfer notes are marked.</summary>
public sealed record ChatNote(string AuthorName, string Text, DateTimeOffset At, bool IsTransferNote);

/// <summary>
/// One conversation as a page shows it. <see cref="InvestorId"/> is for the desk and supervisors only (null for the
/// investor); <see cref="Notes"/> is empty for the investor.
/// </summary>
public sealed record ConversationView(
    ChatTicket Ticket,
    int? InvestorId,
    string InvestorName,
    ClientTier Tier,
    string? AgentUserId,
    DateTimeOffset QueuedAt,
    long InvestorReadUpTo,
    long AgentReadUpTo,
    IReadOnlyList<ChatNote> Notes,
    int? Rating,
    string? RatingComment,
    bool WrappedUp);

/// <summary>A client's earlier chat, for the summary beside a chat.</summary>
public sealed record ChatHistoryItem(string ConversationId, ChatTopic Topic, DateTimeOffset QueuedAt, ChatStatus Status, string? AgentName, int? Rating);

/// <summary>A chat in progress (or waiting), for the supervisor's panel.</summary>
public sealed record ActiveChat(
    string ConversationId, ClientTier Tier, ChatTopic Topic, string InvestorName, string? AgentName, DateTimeOffset QueuedAt, DateTimeOffset? AcceptedAt);

/// <summary>
/// The supervisor's panel: the queue, the desk and today's figures (today in the business calendar's time zone). The
/// service level is the share of today's answered chats answered within 30 seconds; null when none was answered.
/// </summary>
public sealed record ChatBoard(
    int Waiting,
    int LongestWaitSeconds,
    IReadOnlyList<DeskColleague> Agents,
    IReadOnlyList<ActiveChat> Active,
    int AnsweredToday,
    int AnsweredWithin30sToday,
    double? ServiceLevelToday,
    int AbandonedToday);

/// <summary>A refusal with one of the <see cref="ChatErrors"/> codes (the hub sends it as <c>HubException("code: message")</c>).</summary>
public sealed class ChatException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>What a <see cref="ChatEvent"/> carries.</summary>
public enum ChatEventKind
{
    Message,
    Queue,
    Assigned,
    Typing,
    Read,
    Ended,
    Offered,
    QueueChanged,
}

/// <summary>
/// One live event for the Blazor pages: the same as a hub connection of the user would receive, in one serialisable
/// record (it rides the event bus, also through Redis). The member named by <see cref="Kind"/> is set.
/// </summary>
public sealed record ChatEvent(
    ChatEventKind Kind,
    string? ConversationId,
    ChatMessage? Message = null,
    QueueUpdate? Queue = null,
    AssignedEvent? Assigned = null,
    TypingEvent? Typing = null,
    ReadEvent? Read = null,
    EndedEvent? Ended = null,
    ChatTicket? Offered = null,
    QueueChangedEvent? QueueChanged = null);

/// <summary>The queue, the desk's presence or the active chats changed: re-read <c>GetBoardAsync</c> / <c>GetQueueAsync</c>.</summary>
public sealed record ChatBoardChanged(int Waiting, int LongestWaitSeconds);

/// <summary>A canned response the desk inserts by its shortcut (e.g. <c>/hello</c>).</summary>
public sealed record CannedResponse(int Id, string Shortcut, string Title, string Text, string Culture, int Version);

/// <summary>
/// A canned response to save: <see cref="Id"/> null for a new one; otherwise <see cref="Version"/> is the version the
/// supervisor loaded (a save over a newer one is refused).
/// </summary>
public sealed record CannedResponseInput(int? Id, string Shortcut, string Title, string Text, string Culture, int Version = 0);

/// <summary>The canned response was changed or deleted by someone else after the supervisor loaded it; nothing was saved.</summary>
public sealed class StaleCannedResponseException(int id) : Exception($"Canned response {id} changed after it was loaded; the save was refused.")
{
    public int Id { get; } = id;
}
