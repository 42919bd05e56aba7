using Npgsql;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>The PostgreSQL server the integration tests use, from <c>PORTAL_TEST_POSTGRES</c>; one fresh database per app.</summary>
internal static class TestPostgres
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    private const string HowToGetOne =
        "The integration tests need a PostgreSQL server. Run tests/run.sh (it starts a throw-away cluster and sets " + Variable +
        "), or start one yourself and set " + Variable + " to its connection string without a database, for example " +
        "'Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres'.";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{Variable} is not set. {HowToGetOne}");
        }

        var name = $"portal_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..48];
        try
        {
            await using var connection = await OpenMaintenanceAsync(server, cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL at {Describe(server)} cannot be reached ({ex.Message}). {HowToGetOne}", ex);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenMaintenanceAsync(builder.ConnectionString, CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string server, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false, Timeout = 10 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string Describe(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        return $"{builder.Host}:{builder.Port}";
    }
}
