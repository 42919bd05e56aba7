using Microsoft.AspNetCore.Hosting;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The app with <c>Redis:Connection</c> set (the Redis of <c>PORTAL_TEST_REDIS</c>, which tests/run.sh starts), and
/// <see cref="SecondInstanceAsync"/> for another instance on the same database and Redis: two nodes behind one balancer.
/// </summary>
public class RedisPortalApp : PortalApp
{
    public const string Variable = "PORTAL_TEST_REDIS";

    public static string RedisConnection =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. The scale-out tests need a Redis server: run tests/run.sh (it starts one), or start redis-server and set {Variable} to host:port.");

    /// <summary>Another instance of the app on this one's database and Redis; dispose it in the test.</summary>
    public async Task<PortalApp> SecondInstanceAsync()
    {
        var second = new Twin(ConnectionString);
        await ((Xunit.IAsyncLifetime)second).InitializeAsync();
        return second;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Redis:Connection", RedisConnection);
    }

    private sealed class Twin(string connectionString) : RedisPortalApp
    {
        protected override Task<string> CreateDatabaseAsync(string folder) => Task.FromResult(connectionString);

        // The first instance owns the database and drops it.
        protected override Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;
    }
}
