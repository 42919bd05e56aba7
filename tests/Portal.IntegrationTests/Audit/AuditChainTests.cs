using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Web.Data;
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
        var before = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Details\" = 'changed' WHERE \"Id\" = 1")));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 2")));
        await Assert.ThrowsAsync<PostgresException>(() =>
            app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\"")));
        // Not through EF either: a tracked change to a stored row is refused the same way, and nothing is left changed.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var row = await db.Set<AuditEntry>().SingleAsync(e => e.Id == 3);
            row.ActorName = "someone else";
            return await db.SaveChangesAsync();
        }));

        var verification = await app.Services.GetRequiredService<AuditVerifier>().VerifyAsync(Actor.System("chain test"));
        Assert.Equal((before.Count, before[^1].Hash, null), (verification.Rows, verification.LastHash, verification.Break));
        var after = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(before.Select(e => (e.Id, e.ActorName, e.Details, e.Hash)), after.Select(e => (e.Id, e.ActorName, e.Details, e.Hash)));
    }

    [Fact]
    public async Task Several_rows_in_one_save_are_chained_in_the_order_they_were_added()
    {
        var audit = app.Services.GetRequiredService<AuditTrail>();
        var actor = Actor.System("batch test");
        await app.WithDbAsync(async db =>
        {
            audit.Add(db, actor, AuditActions.ContentPublished, "content:batch-1");
            audit.Add(db, actor, AuditActions.ContentPublished, "content:batch-2");
            audit.Add(db, actor, AuditActions.ContentPublished, "content:batch-3");
            return await db.SaveChangesAsync();
        });

        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["content:batch-1", "content:batch-2", "content:batch-3"],
            rows.Where(r => r.ActorName == "batch test").Select(r => r.Subject));
        Assert.Null(AuditChain.FindBreak(rows));
    }

    [Fact]
    public async Task A_save_given_up_while_waiting_for_the_chain_leaves_nothing_behind_for_the_next_user_of_the_pooled_context()
    {
        // An audit save cancelled while it waits for the chain's lock: EF reports nothing to the interceptor, so the
        // transaction it began stayed remembered, and a later user of the same pooled context had its own committed by it.
        var audit = app.Services.GetRequiredService<AuditTrail>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var actor = Actor.System("pool test");
        PortalDbContext given;
        await using (var holder = new NpgsqlConnection(app.ConnectionString))
        {
            await holder.OpenAsync();
            await using var held = await holder.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AuditChainInterceptor.AdvisoryLockKey})", holder, held))
            {
                await command.ExecuteNonQueryAsync();
            }

            given = await factory.CreateDbContextAsync();
            audit.Add(given, actor, AuditActions.SettingsChanged, "test:given-up");
            using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => given.SaveChangesAsync(patience.Token));
            await given.DisposeAsync();
        }

        await WithTheSameContextAsync(factory, given, async again =>
        {
            await using var transaction = await again.Database.BeginTransactionAsync();
            audit.Add(again, actor, AuditActions.SettingsChanged, "test:next-user");
            await again.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["test:next-user"], rows.Where(r => r.ActorName == "pool test").Select(r => r.Subject));
        Assert.Null(AuditChain.FindBreak(rows));
    }

    [Fact]
    public async Task A_save_refused_as_a_concurrent_edit_leaves_nothing_behind_for_the_next_user_of_the_pooled_context()
    {
        // Found in CI ("This NpgsqlTransaction has completed" after CaseWorkflowTests' stale-version test): EF reports a
        // concurrency conflict to the interceptor as neither a failure nor a cancellation, so the transaction it began for
        // the audit rows stayed remembered, and a later save on the same pooled context (one without audit rows, in its
        // own transaction) committed it and broke its own commit.
        var audit = app.Services.GetRequiredService<AuditTrail>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var user = await app.CreateUserAsync();
        var refused = await factory.CreateDbContextAsync();
        var stale = await refused.Users.SingleAsync(u => u.Id == user.Id);
        stale.DisplayName = "Changed by a stale form";
        refused.Entry(stale).Property(u => u.ConcurrencyStamp).OriginalValue = "stale";
        audit.Add(refused, Actor.System("pool test"), AuditActions.SettingsChanged, "test:refused");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => refused.SaveChangesAsync());
        await refused.DisposeAsync();

        await WithTheSameContextAsync(factory, refused, async again =>
        {
            await using var transaction = await again.Database.BeginTransactionAsync();
            var fresh = await again.Users.SingleAsync(u => u.Id == user.Id);
            fresh.DisplayName = "Changed by the next user";
            await again.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal("Changed by the next user", stored.DisplayName);
        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Subject == "test:refused").CountAsync());
        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task A_save_refused_as_a_concurrent_edit_and_tried_again_on_the_same_context_keeps_the_change_and_its_audit_row()
    {
        var audit = app.Services.GetRequiredService<AuditTrail>();
        var user = await app.CreateUserAsync();
        await app.WithDbAsync(async db =>
        {
            var stale = await db.Users.SingleAsync(u => u.Id == user.Id);
            stale.DisplayName = "Changed after a reload";
            var stamp = db.Entry(stale).Property(u => u.ConcurrencyStamp);
            var current = stamp.OriginalValue;
            stamp.OriginalValue = "stale";
            audit.Add(db, Actor.System("retry test"), AuditActions.SettingsChanged, "test:retried");
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            stamp.OriginalValue = current;
            return await db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal("Changed after a reload", stored.DisplayName);
        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Single(rows, r => r.Subject == "test:retried");
        Assert.Null(AuditChain.FindBreak(rows));
    }

    /// <summary>Rents contexts from the pool until it hands out <paramref name="wanted"/> again, and runs <paramref name="work"/> on it.</summary>
    private static async Task WithTheSameContextAsync(IDbContextFactory<PortalDbContext> factory, PortalDbContext wanted, Func<PortalDbContext, Task> work)
    {
        var rented = new List<PortalDbContext>();
        try
        {
            while (rented.Count < 200 && (rented.Count == 0 || !ReferenceEquals(rented[^1], wanted)))
            {
                rented.Add(await factory.CreateDbContextAsync());
            }

            await work(Assert.Single(rented, c => ReferenceEquals(c, wanted)));
        }
        finally
        {
            foreach (var context in rented)
            {
                await context.DisposeAsync();
            }
        }
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
