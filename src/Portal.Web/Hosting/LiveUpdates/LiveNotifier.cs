namespace Portal.Web.Hosting.LiveUpdates;

/// <summary>
/// A feature's live updates, keyed (by conversation, case, user, month): the feature that saves a change calls
/// <see cref="NotifyAsync"/> after the save; a component subscribes once it is interactive and disposes the
/// subscription with itself. Rides the <see cref="IEventBus"/>, so it works across instances.
/// </summary>
public sealed class LiveNotifier<TEvent>(IEventBus bus, string channel)
{
    public Task NotifyAsync(string key, TEvent change, CancellationToken cancellationToken = default) =>
        bus.PublishAsync(Topic(key), change, cancellationToken);

    public IDisposable Subscribe(string key, Func<TEvent, Task> onChange) => bus.Subscribe(Topic(key), onChange);

    private string Topic(string key) => $"{channel}:{key}";
}
