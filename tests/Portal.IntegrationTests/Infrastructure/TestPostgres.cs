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

    private static readonly SemaphoreSlim s_templateGate = new(1, 1);
    private static string? s_template;

    /// <summary>
    /// A copy of a database that <paramref name="prepare"/> filled once for the whole run (migrated, with the demo data),
    /// made by PostgreSQL with <c>CREATE DATABASE … TEMPLATE</c>: a file copy instead of migrating and seeding per app.
    /// </summary>
    public static async Task<string> CreateFromTemplateAsync(Func<string, Task> prepare)
    {
        var template = await TemplateAsync(prepare);
        var server = new NpgsqlConnectionStringBuilder(template) { Database = null }.ConnectionString;
        return await CreateDatabaseAsync(server, $"TEMPLATE \"{new NpgsqlConnectionStringBuilder(template).Database}\"", CancellationToken.None);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync(Server(), "", cancellationToken);

    private static async Task<string> TemplateAsync(Func<string, Task> prepare)
    {
        await s_templateGate.WaitAsync();
        try
        {
            if (s_template is null)
            {
                var template = await CreateDatabaseAsync(Server(), "", CancellationToken.None);
                await prepare(template);
                // A template may have no open sessions while it is copied: close those the preparation's app left.
                NpgsqlConnection.ClearAllPools();
                await using (var connection = await OpenMaintenanceAsync(template, CancellationToken.None))
                await using (var close = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection))
                {
                    close.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(template).Database!);
                    await close.ExecuteNonQueryAsync();
                }

                s_template = template;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropDatabaseAsync(template).GetAwaiter().GetResult();
            }

            return s_template;
        }
        finally
        {
            s_templateGate.Release();
        }
    }

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(server) ? throw new InvalidOperationException($"{Variable} is not set. {HowToGetOne}") : server;
    }

    private static async Task<string> CreateDatabaseAsync(string server, string options, CancellationToken cancellationToken)
    {
        var name = $"portal_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..48];
        try
        {
            await using var connection = await OpenMaintenanceAsync(server, cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" {options}", connection);
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
