using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications.Inbox;
using Portal.Web.Features.Notifications.Preferences;

namespace Portal.Web.Features.Notifications.Outbox;

/// <summary>
/// Delivers the outbox. A round expands waiting messages into one delivery per channel the recipient wants, then claims due
/// deliveries and sends them. Every change is claimed first: on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c> (several
/// instances share the work, none takes a row another holds), on SQLite inside one write transaction (one instance, its
/// writes serialised by the SqliteWriteGate). A claimed delivery is this instance's until its lease ends, and its outcome is
/// written only while the claim is still this instance's, so no delivery is made twice.
/// </summary>
internal sealed partial class NotificationDispatcher(
    IDbContextFactory<PortalDbContext> dbFactory, InvestorDirectory investors, UnsubscribeTokens unsubscribe, PublicLinks links,
    IEnumerable<IDeliveryChannel> channels, InboxUpdates inboxUpdates, IOptions<NotificationsOptions> options, TimeProvider clock,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Deliveries sent at once (the SMTP sender keeps as many connections).</summary>
    internal const int Parallelism = 16;

    private readonly Dictionary<NotificationChannel, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Channel);

    /// <summary>This dispatcher's name on its claims (unique per dispatcher, also with several in one process).</summary>
    public string Instance { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 40)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>One round: expands, then delivers what is due. Returns how many rows it handled (0: nothing to do).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var expanded = await ExpandAsync(cancellationToken);
        var delivered = await DeliverDueAsync(cancellationToken);
        return expanded + delivered;
    }

    internal async Task<int> ExpandAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = db.Database.IsNpgsql()
            ? await db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM \"NotificationOutbox\" WHERE \"ExpandedAt\" IS NULL ORDER BY \"Id\" LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken)
            : await db.Set<OutboxMessage>().Where(m => m.ExpandedAt == null).OrderBy(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var handled = batch.Count;
        foreach (var broadcast in batch.Where(m => m.RecipientUserId.StartsWith(NotificationOutbox.InvestorsAudience, StringComparison.Ordinal)).ToList())
        {
            await FanOutAsync(db, broadcast, cancellationToken);
            broadcast.ExpandedAt = now;
            batch.Remove(broadcast);
        }

        var userIds = batch.Select(m => m.RecipientUserId).Distinct(StringComparer.Ordinal).ToList();
        var contacts = await AccountDirectory.FindContactsAsync(db, userIds, cancellationToken);
        var saved = await db.Set<NotificationPreference>().AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToListAsync(cancellationToken);
        foreach (var message in batch)
        {
            message.ExpandedAt = now;
            if (!contacts.TryGetValue(message.RecipientUserId, out var contact))
            {
                LogNoRecipient(message.Id, message.RecipientUserId);
                continue;
            }

            var choice = saved.FirstOrDefault(p => p.UserId == message.RecipientUserId && p.Topic == message.Topic) is { } p
                ? new ChannelChoice(p.Inbox, p.Email, p.Sms)
                : TopicDefaults.For(message.Topic);
            var reachable = choice.Channels().Where(c => _channels[c].CanReach(contact)).ToList();
            if (reachable.Count == 0 && TopicDefaults.IsRequired(message.Topic))
            {
                // A required notice always reaches the portal inbox, whatever could not be reached.
                reachable.Add(NotificationChannel.Inbox);
            }

            foreach (var channel in reachable)
            {
                db.Add(new NotificationDelivery
                {
                    OutboxMessageId = message.Id,
                    RecipientUserId = message.RecipientUserId,
                    Topic = message.Topic,
                    Channel = channel,
                    State = DeliveryState.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return handled;
    }

    /// <summary>One outbox message per investor of the broadcast's audience, expanded like any other in a later round.</summary>
    private async Task FanOutAsync(PortalDbContext db, OutboxMessage broadcast, CancellationToken cancellationToken)
    {
        var language = broadcast.RecipientUserId[NotificationOutbox.InvestorsAudience.Length..];
        IEnumerable<string> users = await investors.ListOnlineUserIdsAsync(db, cancellationToken);
        if (language != NotificationOutbox.AnyLanguage)
        {
            var cultures = await db.Set<NotificationRecipient>().AsNoTracking().ToDictionaryAsync(r => r.UserId, r => r.Culture, StringComparer.Ordinal, cancellationToken);
            users = users.Where(u => (cultures.GetValueOrDefault(u) ?? Hosting.LocalizationHosting.SupportedCultures[0]) == language);
        }

        foreach (var userId in users)
        {
            db.Add(new OutboxMessage
            {
                RecipientUserId = userId, Topic = broadcast.Topic, Template = broadcast.Template, ValuesJson = broadcast.ValuesJson,
                Link = broadcast.Link, CreatedAt = broadcast.CreatedAt,
            });
        }
    }

    /// <summary>
    /// Claims a batch and sends it. When the app stops meanwhile, what is being sent finishes and is recorded, and what has
    /// not started is handed back at once (not left to its lease), so the next instance sends it, and nothing twice.
    /// </summary>
    internal async Task<int> DeliverDueAsync(CancellationToken stopping)
    {
        var claimed = await ClaimAsync(stopping);
        if (claimed.Count == 0)
        {
            return 0;
        }

        // From here on the claim is this dispatcher's to finish or hand back, whatever the stopping token says.
        var none = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(none);
        var deliveries = await db.Set<NotificationDelivery>().AsNoTracking().Where(d => claimed.Contains(d.Id)).ToListAsync(none);
        var messageIds = deliveries.Select(d => d.OutboxMessageId).Distinct().ToList();
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, none);
        var userIds = deliveries.Select(d => d.RecipientUserId).Distinct(StringComparer.Ordinal).ToList();
        var contacts = await AccountDirectory.FindContactsAsync(db, userIds, none);
        var cultures = await db.Set<NotificationRecipient>().AsNoTracking().Where(r => userIds.Contains(r.UserId))
            .ToDictionaryAsync(r => r.UserId, r => r.Culture, StringComparer.Ordinal, none);

        var handedBack = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (delivery, _) =>
            {
                if (stopping.IsCancellationRequested)
                {
                    handedBack.Add(delivery.Id);
                    return;
                }

                var message = messages[delivery.OutboxMessageId];
                var contact = contacts.GetValueOrDefault(delivery.RecipientUserId) ?? new UserContact(delivery.RecipientUserId, null, null);
                var work = new DeliveryWork(
                    delivery, message, JsonSerializer.Deserialize<Dictionary<string, string>>(message.ValuesJson) ?? [],
                    cultures.GetValueOrDefault(delivery.RecipientUserId) ?? Hosting.LocalizationHosting.SupportedCultures[0], contact,
                    message.Link is null ? null : links.To(message.Link),
                    TopicDefaults.IsRequired(message.Topic) ? null : unsubscribe.LinkFor(delivery.RecipientUserId, message.Topic));
                await DeliverAsync(work);
            });

        if (!handedBack.IsEmpty)
        {
            var ids = handedBack.ToList();
            await db.Set<NotificationDelivery>().Where(d => ids.Contains(d.Id) && d.State == DeliveryState.Sending && d.ClaimedBy == Instance)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), none);
        }

        return deliveries.Count;
    }

    /// <summary>Claims up to a batch of due deliveries (and ones whose claim lapsed) for this dispatcher.</summary>
    private async Task<List<long>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now.AddSeconds(options.Value.LeaseSeconds);
        var batchSize = options.Value.BatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<long>($"""
                UPDATE "NotificationDeliveries" SET "State" = {(int)DeliveryState.Sending}, "ClaimedBy" = {Instance}, "LeaseUntil" = {lease}
                WHERE "Id" IN (
                    SELECT "Id" FROM "NotificationDeliveries"
                    WHERE ("State" = {(int)DeliveryState.Pending} AND "NextAttemptAt" <= {now}) OR ("State" = {(int)DeliveryState.Sending} AND "LeaseUntil" < {now})
                    ORDER BY "NextAttemptAt" LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await Due(db, now).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(batchSize).ToListAsync(cancellationToken);
        await db.Set<NotificationDelivery>().Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.ClaimedBy, Instance).SetProperty(d => d.LeaseUntil, lease), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private static IQueryable<NotificationDelivery> Due(PortalDbContext db, DateTimeOffset now) => db.Set<NotificationDelivery>()
        .Where(d => (d.State == DeliveryState.Pending && d.NextAttemptAt <= now) || (d.State == DeliveryState.Sending && d.LeaseUntil < now));

    /// <summary>Sends one claimed delivery (bounded by the send timeout, not by the app stopping) and records its outcome.</summary>
    private async Task DeliverAsync(DeliveryWork work)
    {
        var delivery = work.Delivery;
        string? error = null;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds));
            await _channels[delivery.Channel].DeliverAsync(db, work, timeout.Token);
        }
        catch (Exception ex)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            error = error[..Math.Min(error.Length, NotificationLimits.MaxError)];
        }

        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var gaveUp = error is not null && attempts >= options.Value.MaxAttempts;
        var state = error is null ? DeliveryState.Delivered : gaveUp ? DeliveryState.Failed : DeliveryState.Pending;
        var next = error is null || gaveUp ? delivery.NextAttemptAt : now + RetryDelay(attempts);
        DateTimeOffset? deliveredAt = error is null ? now : null;

        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var mine = await db.Set<NotificationDelivery>()
            .Where(d => d.Id == delivery.Id && d.State == DeliveryState.Sending && d.ClaimedBy == Instance)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, state).SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastError, error)
                .SetProperty(d => d.DeliveredAt, deliveredAt).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.ClaimedBy, (string?)null), CancellationToken.None);
        if (mine != 1)
        {
            // The claim lapsed and another dispatcher took the delivery: what this one did is not recorded as its outcome.
            LogClaimLost(delivery.Id);
            await transaction.RollbackAsync(CancellationToken.None);
            return;
        }

        db.Add(new DeliveryAttempt { DeliveryId = delivery.Id, Channel = delivery.Channel, At = now, Succeeded = error is null, Error = error, Instance = Instance });
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);

        if (error is not null)
        {
            LogAttemptFailed(delivery.Id, delivery.Channel, attempts, gaveUp, error);
        }
        else if (delivery.Channel == NotificationChannel.Inbox)
        {
            await inboxUpdates.NotifyAsync(delivery.RecipientUserId, CancellationToken.None);
        }
    }

    /// <summary>Exponential back-off: the base after the first failure, doubled after each further one, capped.</summary>
    internal TimeSpan RetryDelay(int attempts)
    {
        var settings = options.Value;
        var seconds = settings.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.RetryMaxSeconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} names user {UserId}, who does not exist; nothing is delivered.")]
    private partial void LogNoRecipient(long messageId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was claimed by another dispatcher before this one recorded its outcome.")]
    private partial void LogClaimLost(long deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) failed attempt {Attempts} (gave up: {GaveUp}): {Error}")]
    private partial void LogAttemptFailed(long deliveryId, NotificationChannel channel, int attempts, bool gaveUp, string error);
}
