using Portal.Web.Hosting.LiveUpdates;
using StackExchange.Redis;

namespace Portal.Web.Hosting;

public static class LiveUpdatesHosting
{
    /// <summary>The event bus: Redis pub/sub when <c>Redis:Connection</c> is set, else in memory (one instance).</summary>
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LocalSubscribers>();
        var connection = builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Connection)}"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            builder.Services.AddSingleton<IEventBus, InMemoryEventBus>();
        }
        else
        {
            // Connects lazily on first use; AbortOnConnectFail off so the app keeps trying while Redis restarts.
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
            {
                var options = ConfigurationOptions.Parse(connection);
                options.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(options);
            });
            builder.Services.AddSingleton<IEventBus, RedisEventBus>();
        }

        return builder;
    }
}

public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string (e.g. "redis:6379"); empty: one instance, events in memory.</summary>
    public string? Connection { get; set; }
}
