using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Web.Features.Audit;

/// <summary>
/// Chains new audit rows as they are saved. Writers are serialised while they read the last row and insert theirs:
/// on PostgreSQL by a transaction-scoped advisory lock, on SQLite by its single writer (EF begins SQLite transactions
/// IMMEDIATE). Without a caller's transaction it opens one around the save, so the lock lasts until the commit.
/// </summary>
internal sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    public static readonly AuditChainInterceptor Instance = new();

    internal const long AdvisoryLockKey = 0x41554449_54; // "AUDIT"

    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> Opened = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Pending(db).Count > 0)
        {
            throw new InvalidOperationException("Audit rows are saved with SaveChangesAsync only.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || Pending(db) is not { Count: > 0 } pending)
        {
            return result;
        }

        // A save refused as a concurrent edit leaves the transaction begun for it open (EF reports that conflict as neither
        // failure nor cancellation): a save again on the same context carries on in it and commits it.
        var opened = TakeOpened(db);
        if (opened is null && db.Database.CurrentTransaction is null)
        {
            opened = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            }

            var last = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(x => x.Id)
                .Select(x => new { x.Id, x.Hash }).FirstOrDefaultAsync(cancellationToken);
            AuditChain.Link(pending, last?.Id ?? 0, last?.Hash ?? "");
        }
        catch when (opened is not null)
        {
            // EF reports neither failure nor cancellation for an interceptor's own: end it here (disposing rolls back),
            // or the pooled context would carry it (Npgsql reuses the transaction object) to its next user's save.
            await opened.DisposeAsync();
            throw;
        }

        if (opened is not null)
        {
            Opened.AddOrUpdate(db, opened);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakeOpened(eventData.Context) is { } transaction)
        {
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackOpenedAsync(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackOpenedAsync(eventData.Context);

    private static async Task RollBackOpenedAsync(DbContext? db)
    {
        if (TakeOpened(db) is { } transaction)
        {
            await using (transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// The transaction this interceptor began for the context's save, if it is still the context's own. One left behind by
    /// a save refused as a concurrent edit was rolled back when the pooled context was returned, and its Npgsql
    /// transaction object may be the next user's (Npgsql reuses it on the connection): it is forgotten, never committed.
    /// </summary>
    private static IDbContextTransaction? TakeOpened(DbContext? db)
    {
        if (db is null || !Opened.TryGetValue(db, out var transaction))
        {
            return null;
        }

        Opened.Remove(db);
        return ReferenceEquals(db.Database.CurrentTransaction, transaction) ? transaction : null;
    }

    private static List<AuditEntry> Pending(DbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .OrderByDescending(e => e.Id).ToList(); // stand-in keys count down from -1 in the order rows were added
}
