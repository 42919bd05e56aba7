using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Features.Content;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.UnitTests.Content;

/// <summary>The reading pages' copy of the published content: read once, read again after any change, here or on another instance.</summary>
public sealed class PublishedContentTests : IDisposable
{
    private readonly InMemoryEventBus _bus = new(new LocalSubscribers(NullLogger<LocalSubscribers>.Instance));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-02T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly IOutputCacheStore _pages = NewPageCache();
    private readonly PublishedContent _published;
    private string _title = "First";
    private int _loads;

    public PublishedContentTests()
    {
        _published = new PublishedContent(_bus, _clock, _pages);
    }

    [Fact]
    public async Task The_second_read_comes_from_memory()
    {
        await ReadAsync();

        Assert.Equal("First", await ReadAsync());
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task A_change_is_read_at_once()
    {
        await ReadAsync();
        _title = "Second";

        await _published.ChangedAsync();

        Assert.Equal("Second", await ReadAsync());
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task A_change_on_another_instance_is_read_at_once()
    {
        using var other = new PublishedContent(_bus, _clock, _pages);
        await ReadAsync();
        _title = "Second";

        await other.ChangedAsync();

        Assert.Equal("Second", await ReadAsync());
    }

    [Fact]
    public async Task What_a_load_read_while_a_change_came_is_not_kept()
    {
        await _published.ItemsAsync(ContentKind.Faq, async token =>
        {
            var items = await LoadAsync(token);
            _title = "Second";
            await _published.ChangedAsync(token);
            return items;
        }, CancellationToken.None);

        Assert.Equal("Second", await ReadAsync());
    }

    [Fact]
    public async Task A_copy_is_read_again_when_it_is_old()
    {
        await ReadAsync();
        _title = "Second";

        _clock.Advance(PublishedContent.MostAge);

        Assert.Equal("Second", await ReadAsync());
    }

    [Fact]
    public async Task A_change_here_or_on_another_instance_drops_the_cached_public_pages()
    {
        using var other = new PublishedContent(_bus, _clock, NewPageCache());
        await _pages.SetAsync("/faq", [1], ["content"], TimeSpan.FromMinutes(1), CancellationToken.None);

        await other.ChangedAsync();

        Assert.Null(await _pages.GetAsync("/faq", CancellationToken.None));
    }

    public void Dispose() => _published.Dispose();

    private static IOutputCacheStore NewPageCache() =>
        new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>();

    private async Task<string> ReadAsync() =>
        (await _published.ItemsAsync(ContentKind.Faq, LoadAsync, CancellationToken.None)).Single().Title;

    private Task<List<ContentItem>> LoadAsync(CancellationToken cancellationToken)
    {
        _loads++;
        return Task.FromResult(new List<ContentItem> { new() { Kind = ContentKind.Faq, Title = _title } });
    }
}
