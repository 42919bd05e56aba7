using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Content;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.IntegrationTests.Content;

/// <summary>The SQLite path of search (plain LIKE) returns what PostgreSQL (pg_trgm) returns for the same shipped content.</summary>
public sealed class SearchProvidersTests(PortalApp app) : IClassFixture<PortalApp>, IAsyncLifetime
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"portal-search-{Guid.NewGuid():N}.db");
    private readonly CommandCounter _sqliteCommands = new();
    private ServiceProvider? _sqlite;

    public static TheoryData<string, string> Queries => new()
    {
        { "redemption", "en" },
        { "redemption fee", "en" },
        { "Two-factor", "en" },
        { "cut-off", "en" },
        { "赎回", "zh-Hans" },
        { "赎回款到账", "zh-Hans" },
        { "如何赎回基金", "zh-Hans" },
        { "密码", "zh-Hans" },
        { "NAV", "zh-Hans" },
    };

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<SqlitePortalDbContext>(o => o.UseSqlite($"Data Source={_sqliteFile}").AddInterceptors(_sqliteCommands));
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        _sqlite = services.BuildServiceProvider();
        var factory = _sqlite.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        using var published = new PublishedContent(new InMemoryEventBus(new LocalSubscribers(NullLogger<LocalSubscribers>.Instance)), TimeProvider.System, new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>());
        var importer = new ShippedContentImporter(factory, Options.Create(new ContentOptions()), TimeProvider.System, published, NullLogger<ShippedContentImporter>.Instance);
        await importer.ImportAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Both_providers_return_the_same_results_in_the_same_order(string query, string language)
    {
        var postgres = await Urls(new ContentSearch(app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>()), query, language);
        var sqlite = await Urls(new ContentSearch(_sqlite!.GetRequiredService<IDbContextFactory<PortalDbContext>>()), query, language);

        Assert.NotEmpty(postgres);
        Assert.Equal(postgres, sqlite);
    }

    [Fact]
    public async Task A_two_thousand_character_chinese_query_costs_a_handful_of_database_probes_on_both_providers()
    {
        // 2,000 different Chinese characters: 1,999 different character pairs.
        var query = new string(Enumerable.Range(0, 2000).Select(i => (char)(0x4E00 + (i * 37 % 20000))).ToArray());
        var postgresCommands = new CommandCounter();
        await using var postgres = new ServiceCollection()
            .AddDbContextFactory<PostgresPortalDbContext>(o => o.UseNpgsql(app.ConnectionString).AddInterceptors(postgresCommands))
            .AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgresPortalDbContext>>()
            .BuildServiceProvider();

        _sqliteCommands.Reset();
        await new ContentSearch(_sqlite!.GetRequiredService<IDbContextFactory<PortalDbContext>>()).SearchAsync(query, "zh-Hans");
        await new ContentSearch(postgres.GetRequiredService<IDbContextFactory<PortalDbContext>>()).SearchAsync(query, "zh-Hans");

        // Each probe is one LIKE query; without a cap this query made one per character pair (about 2,000).
        Assert.InRange(_sqliteCommands.Count, 1, 20);
        Assert.InRange(postgresCommands.Count, 1, 20);
    }

    private static async Task<List<string>> Urls(ContentSearch search, string query, string language) =>
        (await search.SearchAsync(query, language)).Select(h => $"{h.Card.Url} ({h.Card.Language})").ToList();
}

/// <summary>Counts the commands a context sends to its database.</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
