using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Chat.Model;
using Portal.Web.Features.Chat.Routing;

namespace Portal.Web.Features.Chat;

// Offers (adviser first, automatic routing), returning offers to the queue, and the investors' live positions.
public sealed partial class ChatService
{
    // What this instance last told each waiting investor, so positions are re-published only when they change.
    private readonly ConcurrentDictionary<string, (int Position, int Estimate)> _publishedPlaces = new(StringComparer.Ordinal);

    /// <summary>Offers a queued chat to its Diamond client's adviser (while adviser-first lasts) or, in AutoAssign mode, to the best agent.</summary>
    internal async Task<bool> RouteAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await QueueSnapshot.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
        var chat = snapshot.Order.FirstOrDefault(c => c.Id == conversationId);
        return chat is not null && await RouteAsync(db, snapshot, chat, await SettingsAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Routes every queued chat, in queue order (the sweeper, and after the desk changes).</summary>
    internal async Task<int> RouteWaitingAsync(CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await QueueSnapshot.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
        var offered = 0;
        foreach (var chat in snapshot.Order.Where(c => c.State == ConversationState.Queued).ToList())
        {
            if (await RouteAsync(db, snapshot, chat, settings, cancellationToken))
            {
                offered++;
                snapshot = await QueueSnapshot.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
            }
        }

        return offered;
    }

    /// <summary>Puts an offer made to <paramref name="userId"/> back in the queue at its old place (queued-at unchanged).</summary>
    internal async Task<bool> ReturnOfferAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var returned = await db.Set<Conversation>()
            .Where(c => c.Id == conversationId && c.State == ConversationState.Offered && c.OfferedToUserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ConversationState.Queued).SetProperty(c => c.OfferedToUserId, (string?)null)
                .SetProperty(c => c.OfferedToName, (string?)null).SetProperty(c => c.OfferedAt, (DateTimeOffset?)null)
                .SetProperty(c => c.OfferReason, (OfferReason?)null).SetProperty(c => c.DeclinedByUserId, userId)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        return returned == 1;
    }

    /// <summary>
    /// Tells each waiting investor their position and estimate when it changed since this instance last did, and the
    /// desk and the boards that the queue changed.
    /// </summary>
    internal async Task PublishQueueAsync(CancellationToken cancellationToken, bool onlyWhenChanged = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await QueueSnapshot.LoadAsync(db, clock.GetUtcNow(), cancellationToken);
        var changed = false;
        foreach (var chat in snapshot.Order)
        {
            var place = snapshot.PlaceOf(chat.Id)!.Value;
            if (_publishedPlaces.TryGetValue(chat.Id, out var last) && last == place)
            {
                continue;
            }

            changed = true;
            _publishedPlaces[chat.Id] = place;
            var update = new QueueUpdate(chat.Id, place.Position, place.EstimatedWaitSeconds);
            await publisher.ToUsersAsync([chat.InvestorUserId], null, new ChatEvent(ChatEventKind.Queue, chat.Id, Queue: update));
        }

        var waiting = snapshot.Order.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _publishedPlaces.Keys.Where(id => !waiting.Contains(id)).ToList())
        {
            changed = true;
            _publishedPlaces.TryRemove(gone, out _);
        }

        if (changed || !onlyWhenChanged)
        {
            await publisher.BoardAsync(snapshot.BoardChange);
        }
    }

    private async Task<bool> RouteAsync(Data.PortalDbContext db, QueueSnapshot snapshot, WaitingChat chat, ChatSettings settings, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(db, chat.Id, cancellationToken);
        if (conversation is null || conversation.State != ConversationState.Queued)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var adviserFirst = conversation.FirstOfferedAt is null && conversation.RequiredTeam is null
            && now - conversation.QueuedAt < TimeSpan.FromSeconds(settings.AdviserFirstSeconds)
            && conversation.DeclinedByUserId != conversation.AdviserUserId;
        if (adviserFirst && RoutingPolicy.AdviserFirst(conversation.Tier, conversation.AdviserUserId, snapshot.Desk) is { } adviser)
        {
            return await OfferAsync(db, conversation, adviser, snapshot, OfferReason.AdviserFirst, cancellationToken);
        }

        if (settings.RoutingMode != RoutingMode.AutoAssign)
        {
            return false;
        }

        return RoutingPolicy.AutoAssign(snapshot.Desk, conversation.RequiredTeam, conversation.DeclinedByUserId) is { } agent
            && await OfferAsync(db, conversation, agent, snapshot, OfferReason.Queue, cancellationToken);
    }

    private async Task<bool> OfferAsync(
        Data.PortalDbContext db, Conversation conversation, string userId, QueueSnapshot snapshot, OfferReason reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = snapshot.People.FirstOrDefault(p => p.Row.UserId == userId).Row?.Name ?? "";
        var offered = await db.Set<Conversation>()
            .Where(c => c.Id == conversation.Id && c.State == ConversationState.Queued && c.Version == conversation.Version)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ConversationState.Offered).SetProperty(c => c.OfferedToUserId, userId)
                .SetProperty(c => c.OfferedToName, name).SetProperty(c => c.OfferedAt, now).SetProperty(c => c.OfferReason, reason)
                .SetProperty(c => c.FirstOfferedAt, c => c.FirstOfferedAt ?? now).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (offered == 0)
        {
            return false;
        }

        var ticket = new ChatTicket(conversation.Id, ChatStatus.Queued, conversation.Topic, snapshot.PlaceOf(conversation.Id)?.Position,
            snapshot.PlaceOf(conversation.Id)?.EstimatedWaitSeconds, null, conversation.OfferNote, null);
        await publisher.ToUsersAsync([userId], null, new ChatEvent(ChatEventKind.Offered, conversation.Id, Offered: ticket));
        return true;
    }
}
