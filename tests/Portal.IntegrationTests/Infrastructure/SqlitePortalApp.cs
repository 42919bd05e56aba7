using Microsoft.Data.Sqlite;
using Portal.Web.Data;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The same app on the embedded SQLite provider (a database file in the app's temp folder). Use it beside
/// <see cref="PortalApp"/> for queries that sort or compare times and amounts, which SQLite translates differently.
/// </summary>
public sealed class SqlitePortalApp : PortalApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync(string folder) => SqliteTestDatabase.CreateAsync(folder);

    protected override Task DropDatabaseAsync(string connectionString) => SqliteTestDatabase.DropAsync();
}

/// <summary>A test app's SQLite database: a file in the app's temp folder.</summary>
public static class SqliteTestDatabase
{
    public static Task<string> CreateAsync(string folder) =>
        Task.FromResult(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "portal.db") }.ToString());

    public static Task DropAsync()
    {
        // Pooled connections keep the file open; the folder (and the file) go when the app is disposed.
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
