using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Web.Hosting;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Content;

/// <summary>
/// The published items of each kind, kept in memory for the reading pages. Every reading page loaded all published
/// items of its kind, bodies included, from the database on every request (an article page three times: the article,
/// its related articles and the layout's latest announcement). Dropped whenever content changes: the workspace and the
/// importer call <see cref="ChangedAsync"/> after their save, which drops this instance's copy at once and the other
/// instances' through the event bus; a copy is also never older than <see cref="MostAge"/>, in case a bus message is lost.
/// </summary>
public sealed class PublishedContent : IDisposable
{
    public static readonly TimeSpan MostAge = TimeSpan.FromMinutes(5);

    private const string Topic = "content:changed";

    private readonly ConcurrentDictionary<ContentKind, Snapshot> _byKind = new();
    private readonly IEventBus _bus;
    private readonly IOutputCacheStore _pages;
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private long _generation;

    public PublishedContent(IEventBus bus, TimeProvider clock, IOutputCacheStore pages)
    {
        _bus = bus;
        _clock = clock;
        _pages = pages;
        _subscription = bus.Subscribe<ContentChanged>(Topic, _ => DropAsync().AsTask());
    }

    /// <summary>
    /// The kind's published items, from memory or from <paramref name="load"/>. A load runs for its caller alone (with
    /// the caller's cancellation); what it read is kept only if no change came while it ran.
    /// </summary>
    public async Task<IReadOnlyList<ContentItem>> ItemsAsync(ContentKind kind, Func<CancellationToken, Task<List<ContentItem>>> load, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var now = _clock.GetUtcNow();
        if (_byKind.TryGetValue(kind, out var kept) && kept.Generation == generation && kept.LoadedAt + MostAge > now)
        {
            return kept.Items;
        }

        var items = await load(cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _byKind[kind] = new(generation, now, items);
        }

        return items;
    }

    /// <summary>Content was saved: every instance reads it again.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        await DropAsync(cancellationToken);
        await _bus.PublishAsync(Topic, new ContentChanged(), cancellationToken);
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>Forgets the items and the public pages rendered from them (<see cref="PublicPageCaching"/>).</summary>
    private ValueTask DropAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _generation);
        _byKind.Clear();
        return PublicPageCaching.EvictAsync(_pages, cancellationToken);
    }

    private sealed record Snapshot(long Generation, DateTimeOffset LoadedAt, IReadOnlyList<ContentItem> Items);
}

/// <summary>The event that content was saved (published, unpublished, edited, imported).</summary>
public sealed record ContentChanged;
