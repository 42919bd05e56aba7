using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.UnitTests.Statements;

/// <summary>Dashboards kept in memory: computed once a day per investor, again after any change to the ledger, here or on another instance.</summary>
public sealed class DashboardCacheTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private readonly InMemoryEventBus _bus = new(new LocalSubscribers(NullLogger<LocalSubscribers>.Instance));
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly DashboardCache _cache;
    private long _total = 100;
    private int _loads;

    public DashboardCacheTests()
    {
        _cache = new DashboardCache(_memory, _bus);
    }

    [Fact]
    public async Task The_second_read_comes_from_memory()
    {
        await TotalAsync(1);

        Assert.Equal(100, await TotalAsync(1));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task Each_investor_has_their_own_dashboard()
    {
        await TotalAsync(1);
        _total = 200;

        Assert.Equal(200, await TotalAsync(2));
        Assert.Equal(100, await TotalAsync(1));
    }

    [Fact]
    public async Task A_change_to_the_ledger_is_read_at_once()
    {
        await TotalAsync(1);
        _total = 200;

        await _cache.ChangedAsync();

        Assert.Equal(200, await TotalAsync(1));
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task A_change_on_another_instance_is_read_at_once()
    {
        using var other = new DashboardCache(new MemoryCache(new MemoryCacheOptions()), _bus);
        await TotalAsync(1);
        _total = 200;

        await other.ChangedAsync();

        Assert.Equal(200, await TotalAsync(1));
    }

    [Fact]
    public async Task What_a_computation_read_while_a_change_came_is_not_kept()
    {
        await _cache.GetAsync(1, Today, async token =>
        {
            var dashboard = await LoadAsync();
            _total = 200;
            await _cache.ChangedAsync(token);
            return dashboard;
        }, CancellationToken.None);

        Assert.Equal(200, await TotalAsync(1));
    }

    [Fact]
    public async Task The_next_day_is_computed_again()
    {
        await TotalAsync(1);
        _total = 200;

        var tomorrow = await _cache.GetAsync(1, Today.AddDays(1), _ => LoadAsync(), CancellationToken.None);

        Assert.Equal(200, tomorrow.TotalValueFen);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _memory.Dispose();
    }

    private async Task<long> TotalAsync(int investorId) =>
        (await _cache.GetAsync(investorId, Today, _ => LoadAsync(), CancellationToken.None)).TotalValueFen;

    private Task<InvestorDashboard> LoadAsync()
    {
        _loads++;
        return Task.FromResult(new InvestorDashboard(_total, 0, [], [], 0, 0, [], []));
    }
}
