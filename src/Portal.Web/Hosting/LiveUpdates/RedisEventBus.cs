using System.Text.Json;
using StackExchange.Redis;

namespace Portal.Web.Hosting.LiveUpdates;

/// <summary>
/// Several instances: every event goes through Redis pub/sub, also to this instance's own handlers, so all instances
/// see events in the same order. A topic is subscribed on Redis while this instance has a handler for it.
/// </summary>
internal sealed partial class RedisEventBus(IConnectionMultiplexer redis, LocalSubscribers subscribers, ILogger<RedisEventBus> logger) : IEventBus
{
    private const string Prefix = "portal:live:";

    // Guards the Redis subscription of each topic, so a topic has exactly one while this instance has a handler for it.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Type Type, ChannelMessageQueue Queue)> _topics = [];

    public async Task PublishAsync<TEvent>(string topic, TEvent message, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(message);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Prefix + topic), json);
    }

    public IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler)
    {
        lock (_gate)
        {
            if (!_topics.ContainsKey(topic))
            {
                // Subscribe waits for Redis to confirm, so an event published after this returns is not missed.
                var queue = redis.GetSubscriber().Subscribe(RedisChannel.Literal(Prefix + topic));
                queue.OnMessage(message => OnMessageAsync(topic, message.Message));
                _topics[topic] = (typeof(TEvent), queue);
            }

            return subscribers.Add(topic, m => handler((TEvent)m), out _, lastRemoved: () => Release(topic));
        }
    }

    private void Release(string topic)
    {
        lock (_gate)
        {
            if (!subscribers.HasAny(topic) && _topics.Remove(topic, out var entry))
            {
                entry.Queue.Unsubscribe(CommandFlags.FireAndForget);
            }
        }
    }

    private async Task OnMessageAsync(string topic, RedisValue payload)
    {
        Type type;
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var entry))
            {
                return;
            }

            type = entry.Type;
        }

        object? message;
        try
        {
            message = JsonSerializer.Deserialize((string)payload!, type);
        }
        catch (JsonException ex)
        {
            LogUnreadable(ex, topic);
            return;
        }

        if (message is not null)
        {
            await subscribers.DeliverAsync(topic, message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live event on {Topic} could not be read.")]
    private partial void LogUnreadable(Exception exception, string topic);
}
