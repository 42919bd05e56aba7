using System.Collections.Immutable;

namespace Portal.Web.Hosting.LiveUpdates;

/// <summary>
/// Carries live events between the parts of the portal, and between instances: in memory on one node, Redis pub/sub
/// when <c>Redis:Connection</c> is set. Features do not use it directly but through a <see cref="LiveNotifier{TEvent}"/>.
/// Events are hints to refresh or append, never the record: what they describe is saved before they are published.
/// </summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(string topic, TEvent message, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="handler"/> for each event on <paramref name="topic"/> until the subscription is disposed.</summary>
    IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler);
}

/// <summary>The handlers of this instance, by topic; shared by both buses.</summary>
internal sealed partial class LocalSubscribers(ILogger<LocalSubscribers> logger)
{
    private readonly Lock _lock = new();
    private ImmutableDictionary<string, ImmutableList<Func<object, Task>>> _byTopic = ImmutableDictionary<string, ImmutableList<Func<object, Task>>>.Empty;

    /// <summary>Adds a handler; <paramref name="firstForTopic"/> is true when the topic had none before.</summary>
    public IDisposable Add(string topic, Func<object, Task> handler, out bool firstForTopic, Action? lastRemoved = null)
    {
        lock (_lock)
        {
            var handlers = _byTopic.GetValueOrDefault(topic, []);
            firstForTopic = handlers.IsEmpty;
            _byTopic = _byTopic.SetItem(topic, handlers.Add(handler));
        }

        return new Subscription(() =>
        {
            bool last;
            lock (_lock)
            {
                var rest = _byTopic.GetValueOrDefault(topic, []).Remove(handler);
                last = rest.IsEmpty;
                _byTopic = last ? _byTopic.Remove(topic) : _byTopic.SetItem(topic, rest);
            }

            if (last)
            {
                lastRemoved?.Invoke();
            }
        });
    }

    public bool HasAny(string topic) => _byTopic.ContainsKey(topic);

    /// <summary>Hands the event to every handler of the topic; one handler's failure does not stop the others.</summary>
    public async Task DeliverAsync(string topic, object message)
    {
        if (!_byTopic.TryGetValue(topic, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(message);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, topic);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update handler for {Topic} failed.")]
    private partial void LogHandlerFailed(Exception exception, string topic);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

/// <summary>One node: events go straight to this instance's handlers.</summary>
internal sealed class InMemoryEventBus(LocalSubscribers subscribers) : IEventBus
{
    public Task PublishAsync<TEvent>(string topic, TEvent message, CancellationToken cancellationToken = default) =>
        message is null ? Task.CompletedTask : subscribers.DeliverAsync(topic, message);

    public IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) =>
        subscribers.Add(topic, m => handler((TEvent)m), out _);
}
