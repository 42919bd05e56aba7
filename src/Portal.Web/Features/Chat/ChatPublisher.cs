using Microsoft.AspNetCore.SignalR;

namespace Portal.Web.Features.Chat;

/// <summary>
/// Publishes what the chat has saved: to the hub's groups (a user's connections, a conversation's watchers, the desk;
/// with the Redis backplane each reaches every instance once) and to <see cref="ChatEvents"/> for the Blazor pages.
/// Called after the save: a failure here loses no data (clients resync after their last sequence), so it is logged.
/// </summary>
public sealed partial class ChatPublisher(IHubContext<ChatHub, IChatClient> hub, ChatEvents events, ILogger<ChatPublisher> logger)
{
    /// <summary>A conversation's event to its participants' connections and, when named, the conversation's watchers.</summary>
    internal async Task ToUsersAsync(IEnumerable<string?> userIds, string? watchedConversationId, ChatEvent change)
    {
        try
        {
            var users = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var groups = users.Select(ChatHub.UserGroup).ToList();
            if (watchedConversationId is not null)
            {
                groups.Add(ChatHub.WatchGroup(watchedConversationId));
            }

            if (groups.Count > 0)
            {
                await DispatchAsync(hub.Clients.Groups(groups), change);
            }

            foreach (var user in users)
            {
                await events.ToUserAsync(user, change, CancellationToken.None);
            }

            if (watchedConversationId is not null)
            {
                await events.ToConversationWatchersAsync(watchedConversationId, change, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, change.Kind, change.ConversationId);
        }
    }

    /// <summary>The queue, presence or active chats changed: the desk's connections get <c>QueueChanged</c>, the pages a board change.</summary>
    internal async Task BoardAsync(ChatBoardChanged change)
    {
        try
        {
            await hub.Clients.Group(ChatHub.DeskGroup).QueueChanged(new QueueChangedEvent(change.Waiting, change.LongestWaitSeconds));
            await events.BoardChangedAsync(change, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, ChatEventKind.QueueChanged, null);
        }
    }

    private static Task DispatchAsync(IChatClient client, ChatEvent change) => change.Kind switch
    {
        ChatEventKind.Message => client.Message(change.Message!),
        ChatEventKind.Queue => client.Queue(change.Queue!),
        ChatEventKind.Assigned => client.Assigned(change.Assigned!),
        ChatEventKind.Typing => client.Typing(change.Typing!),
        ChatEventKind.Read => client.Read(change.Read!),
        ChatEventKind.Ended => client.Ended(change.Ended!),
        ChatEventKind.Offered => client.Offered(change.Offered!),
        ChatEventKind.QueueChanged => client.QueueChanged(change.QueueChanged!),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the chat event {Kind} of {ConversationId} failed; clients resync from the database.")]
    private partial void LogPublishFailed(Exception exception, ChatEventKind kind, string? conversationId);
}
