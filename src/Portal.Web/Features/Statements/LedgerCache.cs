using Microsoft.Extensions.Caching.Memory;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Statements;

/// <summary>
/// What investors' pages read from the ledger (transactions, prices, statements), kept in memory: the dashboard's
/// figures (six queries replaying every confirmed transaction, profiled at a fifth of a signed-in dashboard request's
/// CPU) and a statement document's month (three of its five queries). Both change only when transactions or prices are
/// imported or a month is closed. Those call <see cref="ChangedAsync"/> after their save, which drops this instance's
/// copies at once and the other instances' through the event bus; a copy is also never older than
/// <see cref="MostAge"/>. Each use names what its copy depends on in its key (the dashboard's holds the day, since its
/// figures are valued today). Only what the ledger alone decides belongs here, as immutable records and read-only
/// lists: copies are shared by every circuit, and who may read them is checked by the caller on every call.
/// </summary>
public sealed class LedgerCache : IDisposable
{
    public static readonly TimeSpan MostAge = TimeSpan.FromMinutes(5);

    private const string Topic = "statements:ledger-changed";

    private readonly IMemoryCache _memory;
    private readonly IEventBus _bus;
    private readonly IDisposable _subscription;
    private long _generation;

    public LedgerCache(IMemoryCache memory, IEventBus bus)
    {
        _memory = memory;
        _bus = bus;
        _subscription = bus.Subscribe<LedgerChanged>(Topic, _ => Task.FromResult(Drop()));
    }

    /// <summary>
    /// The value for <paramref name="key"/>, from memory or from <paramref name="load"/> (kept only if nothing changed
    /// while it ran). A null value is kept too: "there is none" also changes only with the ledger.
    /// </summary>
    public async Task<T> GetAsync<T>(LedgerKey<T> key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var entry = new Entry(key, generation);
        if (_memory.TryGetValue(entry, out var kept))
        {
            return (T)kept!;
        }

        var value = await load(cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _memory.Set(entry, value, MostAge);
        }

        return value;
    }

    /// <summary>Transactions, prices or statements were saved: every instance reads what it kept again.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        Drop();
        await _bus.PublishAsync(Topic, new LedgerChanged(), cancellationToken);
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>A new generation: the copies of older ones are never read again and expire.</summary>
    private long Drop() => Interlocked.Increment(ref _generation);

    /// <summary>A key of one use at one generation (keys of different uses differ by their record type).</summary>
    private sealed record Entry(object Key, long Generation);
}

/// <summary>
/// What one use of <see cref="LedgerCache"/> keeps a copy of: a sealed record per use, holding everything its value
/// depends on besides the ledger (the investor, the day or month). Two keys are the same copy only when they are of the
/// same record type with equal values, so uses never read each other's copies.
/// </summary>
/// <typeparam name="T">The kept value.</typeparam>
public abstract record LedgerKey<T>;

/// <summary>The event that the ledger changed (an import of transactions or prices, a month closed).</summary>
public sealed record LedgerChanged;
