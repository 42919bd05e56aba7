using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat;

/// <summary>
/// The public real-time API at <c>/hubs/chat</c> (DESIGN.md, "The chat hub contract"). Each connection joins its user's
/// group (and the desk's); every method goes through <see cref="ChatService"/>, which checks role and membership.
/// Errors reach the caller as <c>HubException("code: …")</c> (<see cref="ChatHubErrors"/>).
/// </summary>
[Authorize]
public sealed class ChatHub(ChatService chat, ChatConnections connections, TimeProvider clock) : Hub<IChatClient>
{
    private const string RegistrationKey = "chat:registration";
    private const string LimiterKey = "chat:limiter";

    internal const string DeskGroup = "desk";

    internal static string UserGroup(string userId) => "user:" + userId;

    internal static string WatchGroup(string conversationId) => "watch:" + conversationId;

    public override async Task OnConnectedAsync()
    {
        var actor = Actor;
        if (actor.UserId is null)
        {
            Context.Abort();
            return;
        }

        Context.Items[LimiterKey] = new MessageRateLimiter(clock);
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(actor.UserId));
        if (actor.IsInAnyRole(ChatService.DeskRoles))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, DeskGroup);
            Context.Items[RegistrationKey] = connections.Register(actor);
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(RegistrationKey, out var registration) && registration is IDisposable held)
        {
            held.Dispose();
        }

        return base.OnDisconnectedAsync(exception);
    }

    public Task<ChatTicket> StartChat(StartChatRequest request) => chat.StartChatAsync(Actor, request, Context.ConnectionAborted);

    public Task Rate(RateRequest request) => chat.RateAsync(Actor, request, Context.ConnectionAborted);

    public Task SetPresence(AgentPresence presence) => chat.SetPresenceAsync(Actor, presence, Context.ConnectionAborted);

    public Task<ChatTicket> Accept(string conversationId) => chat.AcceptAsync(Actor, conversationId, Context.ConnectionAborted);

    public Task Decline(string conversationId) => chat.DeclineAsync(Actor, conversationId, Context.ConnectionAborted);

    public Task Transfer(TransferRequest request) => chat.TransferAsync(Actor, request, Context.ConnectionAborted);

    public Task<ChatMessage> Send(SendRequest request)
    {
        ((MessageRateLimiter)Context.Items[LimiterKey]!).Take();
        return chat.SendAsync(Actor, request, Context.ConnectionAborted);
    }

    public async Task<ChatMessage[]> History(string conversationId, long afterSequence) =>
        [.. await chat.HistoryAsync(Actor, conversationId, afterSequence, Context.ConnectionAborted)];

    public Task MarkRead(string conversationId, long upToSequence) => chat.MarkReadAsync(Actor, conversationId, upToSequence, Context.ConnectionAborted);

    public Task Typing(string conversationId) => chat.TypingAsync(Actor, conversationId, Context.ConnectionAborted);

    public Task End(string conversationId) => chat.EndAsync(Actor, conversationId, Context.ConnectionAborted);

    public async Task<ChatTicket[]> MyConversations() => [.. await chat.MyConversationsAsync(Actor, Context.ConnectionAborted)];

    /// <summary>Supervisors: receive a conversation's events (read-only) until <see cref="Unwatch"/> or disconnect.</summary>
    public async Task Watch(string conversationId)
    {
        var actor = Actor;
        actor.RequireRole(Roles.Supervisor);
        if (await chat.GetConversationAsync(actor, conversationId, Context.ConnectionAborted) is null)
        {
            throw new ChatException(ChatErrors.NotFound, "No such conversation.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, WatchGroup(conversationId), Context.ConnectionAborted);
    }

    public Task Unwatch(string conversationId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, WatchGroup(conversationId), Context.ConnectionAborted);

    private Actor Actor => Actor.From(Context.User!, Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString());
}

/// <summary>Turns the chat's refusals into <c>HubException("code: message")</c>, the contract's error form.</summary>
internal sealed class ChatHubErrors : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (ChatException ex)
        {
            throw new HubException($"{ex.Code}: {ex.Message}");
        }
        catch (ActorForbiddenException)
        {
            throw new HubException($"{ChatErrors.Forbidden}: this role may not do that.");
        }
    }
}
