using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat.Routing;

/// <summary>A waiting chat as the queue order sees it.</summary>
public sealed record QueuedChat(string ConversationId, ClientTier Tier, DateTimeOffset QueuedAt);

/// <summary>The queue's order: Diamond before Gold before Silver, then who has waited longest. Stable: ties keep their order.</summary>
public static class QueueOrder
{
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> chats, Func<T, QueuedChat> key) =>
        [.. chats.OrderByDescending(c => key(c).Tier).ThenBy(c => key(c).QueuedAt)];

    public static IReadOnlyList<QueuedChat> Sort(IEnumerable<QueuedChat> chats) => Sort(chats, c => c);
}
