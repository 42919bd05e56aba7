using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications.Preferences;

namespace Portal.Web.Features.Notifications.Inbox;

public sealed record InboxRow(long Id, NotificationTopic Topic, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read, bool Archived);

public sealed record InboxList(IReadOnlyList<InboxRow> Rows, int Total);

/// <summary>A person's portal inbox: their own items only.</summary>
public sealed class NotificationInbox(IDbContextFactory<PortalDbContext> dbFactory, InboxUpdates updates, TimeProvider clock)
{
    /// <summary>A page of the actor's items, newest first; <paramref name="archived"/> shows the archived ones instead.</summary>
    public async Task<InboxList> ListAsync(Actor actor, bool archived, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var userId = NotificationPreferences.RequireUser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == userId && (archived ? i.ArchivedAt != null : i.ArchivedAt == null));
        var total = await items.CountAsync(cancellationToken);
        var rows = await items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 100))
            .Select(i => new InboxRow(i.Id, i.Topic, i.Title, i.Body, i.Link, i.CreatedAt, i.ReadAt != null, i.ArchivedAt != null))
            .ToListAsync(cancellationToken);
        return new InboxList(rows, total);
    }

    public async Task<int> CountUnreadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = NotificationPreferences.RequireUser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<InboxItem>().CountAsync(i => i.UserId == userId && i.ReadAt == null && i.ArchivedAt == null, cancellationToken);
    }

    public Task MarkReadAsync(Actor actor, long id, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, i => i.Id == id && i.ReadAt == null, now => u => u.SetProperty(i => i.ReadAt, now), cancellationToken);

    public Task MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, i => i.ReadAt == null && i.ArchivedAt == null, now => u => u.SetProperty(i => i.ReadAt, now), cancellationToken);

    /// <summary>Archives an item (archiving reads it too).</summary>
    public Task ArchiveAsync(Actor actor, long id, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, i => i.Id == id && i.ArchivedAt == null,
            now => u => u.SetProperty(i => i.ArchivedAt, now).SetProperty(i => i.ReadAt, i => i.ReadAt ?? now), cancellationToken);

    private async Task ChangeAsync(
        Actor actor, System.Linq.Expressions.Expression<Func<InboxItem, bool>> which,
        Func<DateTimeOffset?, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<InboxItem>>> set, CancellationToken cancellationToken)
    {
        var userId = NotificationPreferences.RequireUser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Set<InboxItem>().Where(i => i.UserId == userId).Where(which).ExecuteUpdateAsync(set(clock.GetUtcNow()), cancellationToken);
        if (changed > 0)
        {
            await updates.NotifyAsync(userId, cancellationToken);
        }
    }
}
