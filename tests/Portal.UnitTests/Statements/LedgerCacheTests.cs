using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.UnitTests.Statements;

/// <summary>
/// What is read from the ledger, kept in memory: loaded once per key (investor and day for the dashboard, investor and
/// month for a statement), again after any change to the ledger, here or on another instance.
/// </summary>
public sealed class LedgerCacheTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private readonly InMemoryEventBus _bus = new(new LocalSubscribers(NullLogger<LocalSubscribers>.Instance));
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly LedgerCache _cache;
    private long _total = 100;
    private int _loads;

    public LedgerCacheTests()
    {
        _cache = new LedgerCache(_memory, _bus);
    }

    [Fact]
    public async Task The_second_read_comes_from_memory()
    {
        await TotalAsync(1);

        Assert.Equal(100, await TotalAsync(1));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task Each_investor_has_their_own_copy()
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
        using var other = new LedgerCache(new MemoryCache(new MemoryCacheOptions()), _bus);
        await TotalAsync(1);
        _total = 200;

        await other.ChangedAsync();

        Assert.Equal(200, await TotalAsync(1));
    }

    [Fact]
    public async Task What_a_load_read_while_a_change_came_is_not_kept()
    {
        await _cache.GetAsync(new DayKey(1, Today), async token =>
        {
            var copy = await LoadAsync();
            _total = 200;
            await _cache.ChangedAsync(token);
            return copy;
        }, CancellationToken.None);

        Assert.Equal(200, await TotalAsync(1));
    }

    [Fact]
    public async Task The_next_day_is_loaded_again()
    {
        await TotalAsync(1);
        _total = 200;

        var tomorrow = await _cache.GetAsync(new DayKey(1, Today.AddDays(1)), _ => LoadAsync(), CancellationToken.None);

        Assert.Equal(200, tomorrow.Total);
    }

    [Fact]
    public async Task Keys_of_two_uses_with_the_same_values_are_two_copies()
    {
        await TotalAsync(1);
        _total = 200;

        var month = await _cache.GetAsync(new MonthKey(1, Today), _ => MaybeAsync(), CancellationToken.None);

        Assert.Equal(200, month!.Total);
        Assert.Equal(100, await TotalAsync(1));
    }

    [Fact]
    public async Task That_there_is_none_is_kept_until_the_ledger_changes()
    {
        var key = new MonthKey(1, Today);
        Task<Copy?> NoneAsync()
        {
            _loads++;
            return Task.FromResult<Copy?>(null);
        }

        Assert.Null(await _cache.GetAsync(key, _ => NoneAsync(), CancellationToken.None));
        Assert.Null(await _cache.GetAsync(key, _ => NoneAsync(), CancellationToken.None));
        Assert.Equal(1, _loads);

        await _cache.ChangedAsync();

        Assert.Equal(100, (await _cache.GetAsync(key, _ => MaybeAsync(), CancellationToken.None))!.Total);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _memory.Dispose();
    }

    private async Task<long> TotalAsync(int investorId) =>
        (await _cache.GetAsync(new DayKey(investorId, Today), _ => LoadAsync(), CancellationToken.None)).Total;

    private Task<Copy> LoadAsync()
    {
        _loads++;
        return Task.FromResult(new Copy(_total));
    }

    private async Task<Copy?> MaybeAsync() => await LoadAsync();

    private sealed record Copy(long Total);

    private sealed record DayKey(int InvestorId, DateOnly Day) : LedgerKey<Copy>;

    private sealed record MonthKey(int InvestorId, DateOnly Month) : LedgerKey<Copy?>;
}
