using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat.Model;

namespace Portal.Web.Features.Chat;

/// <summary>The sweeper's system texts, in every language the portal speaks (one message for whoever reads it).</summary>
internal delegate string SystemText(string key, int minutes);

// The sweeper's rounds. Each change is a conditional update, so two instances sweeping at once change a row only once.
public sealed partial class ChatService
{
    private static readonly Actor Sweeper = Actor.System("chat sweeper");

    /// <summary>One round: keeps this instance's desk users seen, returns expired offers, requeues the chats of desk users gone
    /// for the grace period, warns and closes idle chats, routes, and re-publishes queue positions that changed.</summary>
    internal async Task SweepAsync(IReadOnlyList<string> connectedDeskUsers, SystemText text, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (connectedDeskUsers.Count > 0)
        {
            await db.Set<DeskPresence>().Where(p => connectedDeskUsers.Contains(p.UserId))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.LastSeenAt, now), cancellationToken);
        }

        var offers = await db.Set<Conversation>().AsNoTracking().Where(c => c.State == ConversationState.Offered)
            .Select(c => new { c.Id, c.OfferedToUserId, c.OfferedAt, c.OfferReason }).ToListAsync(cancellationToken);
        foreach (var offer in offers)
        {
            var lasts = TimeSpan.FromSeconds(offer.OfferReason == OfferReason.AdviserFirst ? settings.AdviserFirstSeconds : settings.OfferTimeoutSeconds);
            if (offer.OfferedToUserId is not null && offer.OfferedAt + lasts <= now)
            {
                await ReturnOfferAsync(offer.Id, offer.OfferedToUserId, cancellationToken);
            }
        }

        await RequeueDisconnectedAsync(db, now - TimeSpan.FromSeconds(settings.DisconnectGraceSeconds), cancellationToken);
        await WarnAndCloseIdleAsync(db, settings, now, text, cancellationToken);
        await RouteWaitingAsync(cancellationToken);
        await PublishQueueAsync(cancellationToken, onlyWhenChanged: true);
    }

    private async Task RequeueDisconnectedAsync(Data.PortalDbContext db, DateTimeOffset unseenSince, CancellationToken cancellationToken)
    {
        var gone = await db.Set<DeskPresence>().AsNoTracking().Where(p => p.LastSeenAt < unseenSince).Select(p => p.UserId).ToListAsync(cancellationToken);
        foreach (var userId in gone)
        {
            var wentOffline = await db.Set<DeskPresence>().Where(p => p.UserId == userId && p.LastSeenAt < unseenSince && p.Presence != AgentPresence.Offline)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Presence, AgentPresence.Offline), cancellationToken);
            // Back to the queue at the old place (queued-at is kept), for someone else first.
            var requeued = await db.Set<Conversation>().Where(c => c.AgentUserId == userId && c.State == ConversationState.Active)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ConversationState.Queued).SetProperty(c => c.AgentUserId, (string?)null)
                    .SetProperty(c => c.AgentName, (string?)null).SetProperty(c => c.DeclinedByUserId, userId)
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            var offered = await db.Set<Conversation>().AsNoTracking().Where(c => c.State == ConversationState.Offered && c.OfferedToUserId == userId)
                .Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var id in offered)
            {
                await ReturnOfferAsync(id, userId, cancellationToken);
            }

            if (wentOffline + requeued > 0)
            {
                LogRequeued(userId, requeued);
            }
        }
    }

    private async Task WarnAndCloseIdleAsync(Data.PortalDbContext db, ChatSettings settings, DateTimeOffset now, SystemText text, CancellationToken cancellationToken)
    {
        var warnBefore = now - TimeSpan.FromMinutes(settings.IdleWarningMinutes);
        var closeBefore = now - TimeSpan.FromMinutes(settings.IdleCloseMinutes);
        var idle = await db.Set<Conversation>().AsNoTracking().Where(c => c.State == ConversationState.Active && c.LastActivityAt < warnBefore)
            .ToListAsync(cancellationToken);
        foreach (var conversation in idle)
        {
            if (conversation.IdleWarnedAt is null)
            {
                Expression<Func<Conversation, bool>> unwarned = c => c.State == ConversationState.Active && c.IdleWarnedAt == null && c.LastActivityAt < warnBefore;
                var warning = text("System.IdleWarning", settings.IdleCloseMinutes - settings.IdleWarningMinutes);
                if (await AppendAsync(db, conversation.Id, ChatParty.System, null, "", "idle-warning-" + conversation.LastSequence, warning, countsAsActivity: false, unwarned, cancellationToken) is { } sent)
                {
                    await PublishAsync(conversation, new ChatEvent(ChatEventKind.Message, conversation.Id, Message: sent));
                }
            }
            else if (conversation.LastActivityAt < closeBefore)
            {
                Expression<Func<Conversation, bool>> stillIdle = c => c.State == ConversationState.Active && c.IdleWarnedAt != null && c.LastActivityAt < closeBefore;
                var closing = text("System.IdleClosed", settings.IdleCloseMinutes);
                if (await AppendAsync(db, conversation.Id, ChatParty.System, null, "", "idle-close", closing, countsAsActivity: false, stillIdle, cancellationToken) is { } sent)
                {
                    await PublishAsync(conversation, new ChatEvent(ChatEventKind.Message, conversation.Id, Message: sent));
                }

                if (await CloseAsync(db, Sweeper, conversation.Id, ChatParty.System, stillIdle, cancellationToken) is { } ended)
                {
                    await PublishEndedAsync(ended, ChatParty.System, cancellationToken);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk user {UserId} was not seen for the grace period: set Offline, {Requeued} chats back in the queue.")]
    private partial void LogRequeued(string userId, int requeued);
}
