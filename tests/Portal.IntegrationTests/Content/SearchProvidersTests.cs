using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Content;

namespace Portal.IntegrationTests.Content;

/// <summary>The SQLite path of search (plain LIKE) returns what PostgreSQL (pg_trgm) returns for the same shipped content.</summary>
public sealed class SearchProvidersTests(PortalApp app) : IClassFixture<PortalApp>, IAsyncLifetime
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"portal-search-{Guid.NewGuid():N}.db");
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
        services.AddDbContextFactory<SqlitePortalDbContext>(o => o.UseSqlite($"Data Source={_sqliteFile}"));
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        _sqlite = services.BuildServiceProvider();
        var factory = _sqlite.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var importer = new ShippedContentImporter(factory, Options.Create(new ContentOptions()), TimeProvider.System, NullLogger<ShippedContentImporter>.Instance);
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

    private static async Task<List<string>> Urls(ContentSearch search, string query, string language) =>
        (await search.SearchAsync(query, language)).Select(h => $"{h.Card.Url} ({h.Card.Language})").ToList();
}
