using Portal.Web.Components.Shared;

namespace Portal.UnitTests;

public sealed class KeyedLoaderTests
{
    [Fact]
    public async Task A_held_value_for_the_key_is_shown_without_loading()
    {
        using var loader = new KeyedLoader<string>();
        var held = new Loaded<string>("2026-10", "October");

        var shown = await loader.LoadAsync(held, "2026-10", _ => throw new InvalidOperationException("must not load"));

        Assert.Same(held, shown);
    }

    [Fact]
    public async Task A_load_overtaken_by_a_later_key_hands_out_nothing_and_is_cancelled()
    {
        using var loader = new KeyedLoader<string>();
        var slow = new TaskCompletionSource<string?>();
        var seen = CancellationToken.None;

        var old = loader.LoadAsync(null, "2026-09", ct => { seen = ct; return slow.Task; });
        var current = await loader.LoadAsync(null, "2026-10", _ => Task.FromResult<string?>("October"));
        slow.SetResult("September");

        Assert.Equal(new Loaded<string>("2026-10", "October"), current);
        Assert.Null(await old);
        Assert.True(seen.IsCancellationRequested);
    }

    [Fact]
    public async Task Going_back_to_the_held_key_drops_the_load_for_the_other_one()
    {
        using var loader = new KeyedLoader<string>();
        var held = new Loaded<string>("2026-10", "October");
        var slow = new TaskCompletionSource<string?>();

        var other = loader.LoadAsync(held, "2026-09", _ => slow.Task);
        var back = await loader.LoadAsync(held, "2026-10", _ => throw new InvalidOperationException("must not load"));
        slow.SetResult("September");

        Assert.Same(held, back);
        Assert.Null(await other);
    }

    [Fact]
    public async Task A_cancelled_load_is_not_an_error()
    {
        using var loader = new KeyedLoader<string>();

        var old = loader.LoadAsync(null, "a", async ct => { await Task.Delay(Timeout.Infinite, ct); return "a"; });
        await loader.LoadAsync(null, "b", _ => Task.FromResult<string?>("b"));

        Assert.Null(await old);
    }
}
