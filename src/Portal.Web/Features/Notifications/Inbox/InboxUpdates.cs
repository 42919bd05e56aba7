using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Notifications.Inbox;

/// <summary>Something in a person's inbox changed (a delivery arrived, items were read or archived).</summary>
public sealed record InboxChanged(string UserId);

/// <summary>The inbox's live updates, keyed by user, across instances through the event bus.</summary>
public sealed class InboxUpdates(IEventBus bus)
{
    private readonly LiveNotifier<InboxChanged> _notifier = new(bus, "notifications-inbox");

    public Task NotifyAsync(string userId, CancellationToken cancellationToken = default) =>
        _notifier.NotifyAsync(userId, new InboxChanged(userId), cancellationToken);

    public IDisposable Subscribe(string userId, Func<InboxChanged, Task> onChange) => _notifier.Subscribe(userId, onChange);
}
