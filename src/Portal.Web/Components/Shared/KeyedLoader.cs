namespace Portal.Web.Components.Shared;

/// <summary>
/// Loads what a page keyed by its URL (a month, a slug, a query) shows. When the key changes while a load for the old
/// key still runs, Blazor runs the new load beside it, and the old result could land last and replace the new one
/// (leaving the loading bar up for good). This cancels the old load and hands out only the current key's result.
/// One per page; call it from OnParametersSetAsync and dispose it with the page.
/// </summary>
public sealed class KeyedLoader<T> : IDisposable
{
    private CancellationTokenSource? _running;

    /// <summary>
    /// What the page shows for <paramref name="key"/>: <paramref name="held"/> when it is for that key (kept from the
    /// prerender), otherwise a new load. Null when a later call for another key made this one stale: the page then
    /// shows nothing from it and leaves the rendering to the later call.
    /// </summary>
    public async Task<Loaded<T>?> LoadAsync(Loaded<T>? held, string key, Func<CancellationToken, Task<T?>> load)
    {
        // Whatever is still loading was asked for by an earlier call.
        _running?.Cancel();
        _running = null;
        if (held.IsFor(key))
        {
            return held;
        }

        using var mine = new CancellationTokenSource();
        _running = mine;
        try
        {
            var value = await load(mine.Token);
            return ReferenceEquals(_running, mine) ? new Loaded<T>(key, value) : null;
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            if (ReferenceEquals(_running, mine))
            {
                _running = null;
            }
        }
    }

    public void Dispose()
    {
        _running?.Cancel();
        _running = null;
    }
}
