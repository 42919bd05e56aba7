using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.IntegrationTests.Audit;

/// <summary>The audit chain as the database keeps it: concurrent writers form one unbroken chain; PostgreSQL refuses changes.</summary>
public sealed class AuditChainTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Concurrent_writers_form_one_unbroken_chain_and_PostgreSQL_refuses_update_and_delete()
    {
        await AssertConcurrentWritesChainAsync(app);

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Details\" = 'changed' WHERE \"Id\" = 1")));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 2")));
        await Assert.ThrowsAsync<PostgresException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\"")));
    }

    internal static async Task AssertConcurrentWritesChainAsync(PortalApp app)
    {
        var audit = app.Services.GetRequiredService<AuditTrail>();
        var actor = Actor.System("chain test");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            audit.RecordAsync(actor, AuditActions.SettingsChanged, $"test:{i}", "concurrent write"))));

        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.True(rows.Count(r => r.ActorName == "chain test") == 40, "every concurrent write is kept");
        Assert.Null(AuditChain.FindBreak(rows));
    }
}

public sealed class SqliteAuditChainTests(SqlitePortalApp app) : IClassFixture<SqlitePortalApp>
{
    [Fact]
    public Task Concurrent_writers_form_one_unbroken_chain() => AuditChainTests.AssertConcurrentWritesChainAsync(app);
}
