namespace Portal.Web.Features.Chat;

// The chat hub contract (DESIGN.md, "The chat hub contract"): a public API. Names and shapes may grow, never change.
// On the wire property names are camelCase and enum values PascalCase strings.

/// <summary>What an investor wants to talk about.</summary>
public enum ChatTopic
{
    General,
    Trading,
    Statements,
    Complaints,
}

/// <summary>Where a chat stands, as a client sees it. <see cref="Offline"/>: no agent was online, the text became an offline message.</summary>
public enum ChatStatus
{
    Queued,
    Active,
    Ended,
    Offline,
}

/// <summary>Who wrote, read or ended.</summary>
public enum ChatParty
{
    Investor,
    Agent,
    System,
}

/// <summary>An agent's or specialist's availability for chats.</summary>
public enum AgentPresence
{
    Online,
    Away,
    Offline,
}

/// <summary>The stable error codes a hub caller sees at the start of a <c>HubException</c>'s message.</summary>
public static class ChatErrors
{
    /// <summary>No such conversation, or not the caller's (existence is not revealed).</summary>
    public const string NotFound = "not-found";

    public const string Forbidden = "forbidden";
    public const string Invalid = "invalid";
    public const string TooLong = "too-long";
    public const string RateLimited = "rate-limited";
    public const string Closed = "closed";
    public const string Taken = "taken";
    public const string AtCapacity = "at-capacity";
}

/// <summary>The team a chat can be transferred to (<c>toTeam</c>).</summary>
public static class ChatTeams
{
    public const string Specialists = nameof(Specialists);
}

public sealed record ChatTicket(
    string ConversationId,
    ChatStatus Status,
    ChatTopic Topic,
    int? Position,
    int? EstimatedWaitSeconds,
    string? AgentName,
    string? Note,
    string? OfflineReference);

public sealed record ChatMessage(
    string ConversationId,
    long Sequence,
    string ClientMessageId,
    ChatParty Sender,
    string SenderName,
    string Text,
    DateTimeOffset SentAt);

public sealed record StartChatRequest(ChatTopic Topic, string? Text = null);

public sealed record SendRequest(string ConversationId, string ClientMessageId, string Text);

public sealed record RateRequest(string ConversationId, int Score, string? Comment = null);

public sealed record TransferRequest(string ConversationId, string? ToUserId = null, string? ToTeam = null, string? Note = null);

public sealed record QueueUpdate(string ConversationId, int Position, int EstimatedWaitSeconds);

public sealed record AssignedEvent(string ConversationId, string AgentName);

public sealed record TypingEvent(string ConversationId, ChatParty Sender);

public sealed record ReadEvent(string ConversationId, long UpToSequence, ChatParty Reader);

public sealed record EndedEvent(string ConversationId, ChatParty By);

public sealed record QueueChangedEvent(int Waiting, int LongestWaitSeconds);

/// <summary>The events a hub client receives (<c>Hub&lt;IChatClient&gt;</c>).</summary>
public interface IChatClient
{
    Task Message(ChatMessage message);

    Task Queue(QueueUpdate update);

    Task Assigned(AssignedEvent assigned);

    Task Typing(TypingEvent typing);

    Task Read(ReadEvent read);

    Task Ended(EndedEvent ended);

    /// <summary>To agents: a chat offered to them (with the note after a transfer).</summary>
    Task Offered(ChatTicket ticket);

    /// <summary>To agents: the queue grew or shrank.</summary>
    Task QueueChanged(QueueChangedEvent queue);
}
