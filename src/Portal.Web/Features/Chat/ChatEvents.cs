using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Chat;

/// <summary>
/// The chat's live events for Blazor components, on every instance (the event bus): per user (everything a hub
/// connection of that user receives), per conversation (a supervisor's read-only view) and the board (queue, presence
/// or active chats changed). Components subscribe once interactive and dispose the subscription with themselves.
/// </summary>
public sealed class ChatEvents(IEventBus bus)
{
    private readonly LiveNotifier<ChatEvent> _users = new(bus, "chat-user");
    private readonly LiveNotifier<ChatEvent> _conversations = new(bus, "chat-conversation");
    private readonly LiveNotifier<ChatBoardChanged> _board = new(bus, "chat-board");

    public IDisposable SubscribeUser(string userId, Func<ChatEvent, Task> handler) => _users.Subscribe(userId, handler);

    public IDisposable SubscribeConversation(string conversationId, Func<ChatEvent, Task> handler) => _conversations.Subscribe(conversationId, handler);

    public IDisposable SubscribeBoard(Func<ChatBoardChanged, Task> handler) => _board.Subscribe("all", handler);

    internal Task ToUserAsync(string userId, ChatEvent change, CancellationToken cancellationToken) =>
        _users.NotifyAsync(userId, change, cancellationToken);

    internal Task ToConversationWatchersAsync(string conversationId, ChatEvent change, CancellationToken cancellationToken) =>
        _conversations.NotifyAsync(conversationId, change, cancellationToken);

    internal Task BoardChangedAsync(ChatBoardChanged change, CancellationToken cancellationToken) =>
        _board.NotifyAsync("all", change, cancellationToken);
}
