using Microsoft.Extensions.Caching.Memory;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Statements;

/// <summary>
/// Investors' dashboards, kept in memory. A dashboard replays every confirmed transaction of its investor in six
/// queries (profiled: a fifth of a signed-in dashboard request's CPU), yet its figures change only when transactions or
/// prices are imported or a month is closed. Those call <see cref="ChangedAsync"/> after their save, which drops this
/// instance's copies at once and the other instances' through the event bus; a copy is also never older than
/// <see cref="MostAge"/>, nor from another day (figures are valued today).
/// </summary>
public sealed class DashboardCache : IDisposable
{
    public static readonly TimeSpan MostAge = TimeSpan.FromMinutes(5);

    private const string Topic = "statements:ledger-changed";

    private readonly IMemoryCache _memory;
    private readonly IEventBus _bus;
    private readonly IDisposable _subscription;
    private long _generation;

    public DashboardCache(IMemoryCache memory, IEventBus bus)
    {
        _memory = memory;
        _bus = bus;
        _subscription = bus.Subscribe<LedgerChanged>(Topic, _ => Task.FromResult(Drop()));
    }

    /// <summary>The investor's dashboard of <paramref name="today"/>, from memory or from <paramref name="load"/> (kept only if nothing changed while it ran).</summary>
    public async Task<InvestorDashboard> GetAsync(int investorId, DateOnly today, Func<CancellationToken, Task<InvestorDashboard>> load, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var key = new Key(investorId, today, generation);
        if (_memory.TryGetValue(key, out InvestorDashboard? kept) && kept is not null)
        {
            return kept;
        }

        var dashboard = await load(cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _memory.Set(key, dashboard, MostAge);
        }

        return dashboard;
    }

    /// <summary>Transactions, prices or statements were saved: every instance computes its dashboards again.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        Drop();
        await _bus.PublishAsync(Topic, new LedgerChanged(), cancellationToken);
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>A new generation: the copies of older ones are never read again and expire.</summary>
    private long Drop() => Interlocked.Increment(ref _generation);

    private sealed record Key(int InvestorId, DateOnly Today, long Generation);
}

/// <summary>The event that the ledger changed (an import of transactions or prices, a month closed).</summary>
public sealed record LedgerChanged;
