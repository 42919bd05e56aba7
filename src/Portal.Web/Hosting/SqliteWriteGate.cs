using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Portal.Web.Hosting;

/// <summary>
/// The embedded SQLite database has one writer at a time, and EF begins its transactions IMMEDIATE (they take the write
/// lock at the start). Left to SQLite, a second writer gets "busy" and Microsoft.Data.Sqlite retries it by blocking its
/// thread 150 ms at a time: under several writers at once (chat messages) those sleeps, not the work, set latency and
/// throughput, and they starve the thread pool. This gate queues the app's write transactions in-process instead,
/// asynchronously and in arrival order, so each starts as soon as the one before it ends. It is released when the
/// transaction commits, rolls back or fails, and when its connection closes or is disposed (a transaction disposed
/// without a commit closes the connection EF opened for it; on a connection the code opened, the next waiting writer
/// sees SQLite back in autocommit mode and releases it). Writes outside a transaction, and other processes, still
/// meet the lock: the connection's <c>busy_timeout</c> lets SQLite wait for those itself, in short steps.
/// One gate per app (the embedded mode runs one instance on its file).
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>How long SQLite itself waits for a lock held outside the gate, and how long the gate waits for a turn.</summary>
    internal static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>How often a writer waiting for its turn looks for a holder whose transaction ended unseen.</summary>
    private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim _turn = new(1, 1);

    // The connections holding the turn; true once their transaction has begun in SQLite.
    private readonly ConcurrentDictionary<DbConnection, bool> _holders = new();

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!_holders.ContainsKey(connection))
        {
            var waited = TimeSpan.Zero;
            while (!_turn.Wait(Look))
            {
                WaitedFor(ref waited);
            }

            _holders[connection] = false;
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        if (!_holders.ContainsKey(connection))
        {
            var waited = TimeSpan.Zero;
            while (!await _turn.WaitAsync(Look, cancellationToken))
            {
                WaitedFor(ref waited);
            }

            _holders[connection] = false;
        }

        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Begun(connection);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Begun(connection);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(eventData));

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(eventData));

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(eventData));

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(ConnectionOf(eventData));

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(ConnectionOf(eventData));

    // Set on the native connection itself (no ADO.NET command): both stay with the connection through the pool, and
    // setting them again on each open costs microseconds, not a round trip.
    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(connection);

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => Released(connection);

    public void Dispose() => _turn.Dispose();

    private static DbConnection? ConnectionOf(DbContextEventData eventData) => eventData.Context?.Database.GetDbConnection();

    // In WAL mode, synchronous=NORMAL syncs the log at checkpoints instead of at every commit: the database cannot be
    // corrupted, and a commit can be lost only to a power cut or an operating-system crash, never to the app's own crash.
    // The single writer's turn then no longer includes a disk flush, which set the chat's tail latency.
    private static void Configure(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle;
        raw.sqlite3_busy_timeout(handle, (int)Wait.TotalMilliseconds);
        raw.sqlite3_exec(handle, "PRAGMA synchronous=NORMAL;");
    }

    private static TimeoutException TimedOut() =>
        new($"No turn to write to the SQLite database within {Wait.TotalSeconds:0} s (a write transaction was held that long).");

    private void Begun(DbConnection connection)
    {
        if (_holders.ContainsKey(connection))
        {
            _holders[connection] = true;
        }
    }

    /// <summary>
    /// A transaction disposed without a commit on a connection the code opened itself ends without any event (EF closes
    /// only the connections it opened, and a pooled context keeps the others open): SQLite is back in autocommit mode,
    /// but the gate would stay held. A waiting writer releases such a holder; past <see cref="Wait"/> it gives up.
    /// </summary>
    private void WaitedFor(ref TimeSpan waited)
    {
        foreach (var (holder, begun) in _holders)
        {
            if (begun && (((SqliteConnection)holder).Handle is not { } handle || raw.sqlite3_get_autocommit(handle) != 0))
            {
                Release(holder);
            }
        }

        waited += Look;
        if (waited >= Wait)
        {
            throw TimedOut();
        }
    }

    private Task Released(DbConnection? connection)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private void Release(DbConnection? connection)
    {
        if (connection is not null && _holders.TryRemove(connection, out _))
        {
            _turn.Release();
        }
    }
}
