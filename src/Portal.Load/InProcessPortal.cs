using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Data;

namespace Portal.Load;

/// <summary>
/// The app's own host (its entry point, found from any of its types) in this process, on a benchmark's database, with
/// demo data and warnings-only logging; <paramref name="settings"/> add to or override its configuration.
/// </summary>
internal sealed class InProcessPortal(string contentRoot, string connectionString, bool postgres, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<PortalDbContext>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseContentRoot(contentRoot);
        builder.UseSetting("Database:Provider", postgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Portal", connectionString);
        builder.UseSetting("Portal:DemoData", "true");
        builder.UseSetting("Portal:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Email:UsePickupFolder", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>
/// A benchmark's own fresh database: a PostgreSQL database named after <paramref name="name"/> and the time when
/// <c>--postgres</c> is given, else a SQLite file in a temporary folder; dropped (or deleted) when disposed.
/// </summary>
internal sealed class BenchmarkDatabase(BenchmarkOptions options, string name) : IAsyncDisposable
{
    public bool Postgres { get; } = options.Postgres is not null;

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory($"portal-{name}-");

    public string Provider => Postgres ? "PostgreSQL" : "SQLite";

    public string ConnectionString => Postgres
        ? $"{options.Postgres};Database=portal_{name}_{_created:yyyyMMddHHmmss}"
        : $"Data Source={Path.Combine(Folder.FullName, "portal.db")}";

    private readonly DateTime _created = DateTime.UtcNow;

    public async ValueTask DisposeAsync()
    {
        if (Postgres)
        {
            await using var db = BenchmarkData.Context(ConnectionString, postgres: true);
            await db.Database.EnsureDeletedAsync();
        }

        Folder.Delete(recursive: true);
    }
}
