using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Notifications.Sms;

namespace Portal.Web.Features.Notifications.Outbox;

public enum DeliveryFilter
{
    /// <summary>Failed and pending (also being sent): what needs an eye.</summary>
    Open,
    Failed,
    Pending,
    Delivered,
}

public sealed record DeliveryRow(
    long Id, string RecipientUserId, NotificationTopic Topic, NotificationChannel Channel, string Template, DeliveryState State,
    int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError);

public sealed record DeliveryPage(IReadOnlyList<DeliveryRow> Rows, int Total);

public sealed record AttemptRow(DateTimeOffset At, NotificationChannel Channel, bool Succeeded, string? Error, string Instance);

public sealed record SmsSinkRow(DateTimeOffset At, string To, string Text);

/// <summary>The admins' view of the deliveries: failed and pending ones, their attempts, a retry, and the SMS sink.</summary>
public sealed class DeliveryDesk(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, NotificationSignal signal, TimeProvider clock)
{
    public async Task<DeliveryPage> ListAsync(Actor actor, DeliveryFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deliveries = db.Set<NotificationDelivery>().AsNoTracking();
        deliveries = filter switch
        {
            DeliveryFilter.Failed => deliveries.Where(d => d.State == DeliveryState.Failed),
            DeliveryFilter.Pending => deliveries.Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Sending),
            DeliveryFilter.Delivered => deliveries.Where(d => d.State == DeliveryState.Delivered),
            _ => deliveries.Where(d => d.State != DeliveryState.Delivered),
        };
        var total = await deliveries.CountAsync(cancellationToken);
        var rows = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 100))
            .Join(db.Set<OutboxMessage>(), d => d.OutboxMessageId, m => m.Id, (d, m) => new DeliveryRow(
                d.Id, d.RecipientUserId, d.Topic, d.Channel, m.Template, d.State, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastError))
            .ToListAsync(cancellationToken);
        return new DeliveryPage(rows, total);
    }

    public async Task<IReadOnlyList<AttemptRow>> AttemptsAsync(Actor actor, long deliveryId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DeliveryAttempt>().AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new AttemptRow(a.At, a.Channel, a.Succeeded, a.Error, a.Instance)).ToListAsync(cancellationToken);
    }

    /// <summary>Gives a failed delivery a fresh set of attempts, starting now. False when it is not (or no longer) failed.</summary>
    public async Task<bool> RetryAsync(Actor actor, long deliveryId, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var retried = await db.Set<NotificationDelivery>().Where(d => d.Id == deliveryId && d.State == DeliveryState.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        if (retried != 1)
        {
            return false;
        }

        audit.Add(db, actor, AuditActions.NotificationRetried, $"notification-delivery:{deliveryId}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
        return true;
    }

    /// <summary>The newest messages the development SMS sink recorded.</summary>
    public async Task<IReadOnlyList<SmsSinkRow>> SmsSinkAsync(Actor actor, int take, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SmsSinkMessage>().AsNoTracking().OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new SmsSinkRow(m.At, m.To, m.Text)).ToListAsync(cancellationToken);
    }
}
