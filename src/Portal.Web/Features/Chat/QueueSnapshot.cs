using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat.Model;
using Portal.Web.Features.Chat.Routing;

namespace Portal.Web.Features.Chat;

/// <summary>A waiting chat with what the queue, routing and the investor's position need.</summary>
internal sealed record WaitingChat(
    string Id, ClientTier Tier, ChatTopic Topic, DateTimeOffset QueuedAt, ConversationState State, string InvestorUserId,
    string? OfferedToUserId, string? OfferedToName, string? RequiredTeam);

/// <summary>
/// The queue and the desk at one moment, read in three queries: the waiting chats in queue order, the desk's presence
/// and load, and the recent handling times, from which each waiting chat's position and estimate follow.
/// </summary>
internal sealed class QueueSnapshot
{
    private readonly Dictionary<string, int> _positions;
    private readonly IReadOnlyList<double> _handling;

    private QueueSnapshot(IReadOnlyList<WaitingChat> order, IReadOnlyList<DeskLoad> desk, IReadOnlyList<(DeskPresence Row, int Open)> people, IReadOnlyList<double> handling, DateTimeOffset now)
    {
        Order = order;
        Desk = desk;
        People = people;
        _handling = handling;
        _positions = order.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i + 1, StringComparer.Ordinal);
        LongestWaitSeconds = order.Count == 0 ? 0 : (int)Math.Max(0, (now - order.Min(c => c.QueuedAt)).TotalSeconds);
    }

    /// <summary>The waiting chats, in <see cref="QueueOrder"/>.</summary>
    public IReadOnlyList<WaitingChat> Order { get; }

    public IReadOnlyList<DeskLoad> Desk { get; }

    /// <summary>The desk's presence rows with their open chats.</summary>
    public IReadOnlyList<(DeskPresence Row, int Open)> People { get; }

    public int LongestWaitSeconds { get; }

    public int OnlineAgents => Desk.Count(d => d.Presence == AgentPresence.Online);

    public ChatBoardChanged BoardChange => new(Order.Count, LongestWaitSeconds);

    public static async Task<QueueSnapshot> LoadAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.State == ConversationState.Queued || c.State == ConversationState.Offered)
            .Select(c => new WaitingChat(c.Id, c.Tier, c.Topic, c.QueuedAt, c.State, c.InvestorUserId, c.OfferedToUserId, c.OfferedToName, c.RequiredTeam))
            .ToListAsync(cancellationToken);
        var open = await db.Set<Conversation>().AsNoTracking().Where(c => c.State == ConversationState.Active && c.AgentUserId != null)
            .GroupBy(c => c.AgentUserId!).Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
        var rows = await db.Set<DeskPresence>().AsNoTracking().ToListAsync(cancellationToken);
        var handled = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.State == ConversationState.Ended && c.AcceptedAt != null && c.EndedAt != null)
            .OrderByDescending(c => c.EndedAt).Take(WaitEstimator.RecentChats)
            .Select(c => new { c.AcceptedAt, c.EndedAt }).ToListAsync(cancellationToken);
        var people = rows.Select(r => (r, open.GetValueOrDefault(r.UserId))).ToList();
        var desk = people.Select(p => new DeskLoad(p.r.UserId, p.r.Presence, p.r.Capacity, p.Item2, p.r.LastAssignedAt, p.r.IsSpecialist)).ToList();
        var order = QueueOrder.Sort(waiting, c => new QueuedChat(c.Id, c.Tier, c.QueuedAt));
        return new(order, desk, people, [.. handled.Select(h => (h.EndedAt!.Value - h.AcceptedAt!.Value).TotalSeconds)], now);
    }

    /// <summary>The chat's place in the queue (1 = next) and its estimated wait; null when it is not waiting.</summary>
    public (int Position, int EstimatedWaitSeconds)? PlaceOf(string conversationId)
    {
        if (!_positions.TryGetValue(conversationId, out var position))
        {
            return null;
        }

        var online = Desk.Where(d => d.Presence == AgentPresence.Online).ToList();
        var free = online.Sum(d => Math.Max(0, d.Capacity - d.OpenChats));
        return (position, WaitEstimator.EstimateSeconds(position, _handling.ToList(), free, online.Sum(d => d.Capacity)));
    }
}
