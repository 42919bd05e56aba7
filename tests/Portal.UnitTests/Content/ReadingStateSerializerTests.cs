using System.Buffers;
using System.Text;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Reading;

namespace Portal.UnitTests.Content;

public sealed class ReadingStateSerializerTests
{
    private static readonly ContentCard Card = new(
        Guid.Parse("6d1f0c7e-2a4b-4c1e-9a57-0c3f5b8e7d21"), ContentKind.Article, "what-is-a-fund", "zh-Hans", "什么是基金", "基金入门", "basics",
        ["funds", "nav"], ContentAudience.NewInvestors, 3, true, new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));

    private static readonly Loaded<ArticleView> Article = new("what-is-a-fund", new ArticleView(
        new RenderedPage(Card, new RenderedContent("<h2 id=\"h-净值\">净值</h2><p>基金 &amp; <strong>fund</strong></p>", [new TocEntry(2, "h-净值", "净值")], 4)),
        [Card with { Slug = "understanding-nav" }]));

    [Fact]
    public void An_article_comes_back_whole()
    {
        var back = RoundTrip(Article, out _);

        Assert.Equivalent(Article, back, strict: true);
    }

    [Fact]
    public void Chinese_text_and_markup_are_written_as_they_are()
    {
        RoundTrip(Article, out var json);

        Assert.Contains("<h2 id=\\\"h-净值\\\">净值</h2>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_content_within_the_budget_is_handed_over()
    {
        var small = new RenderedContent(new string('基', CircuitState.MaxHtmlBytes / 3), [], 1);
        var large = new RenderedContent(new string('基', (CircuitState.MaxHtmlBytes / 3) + 1), [], 1);

        Assert.Same(small, CircuitState.IfSmall(small, r => [r]));
        Assert.Null(CircuitState.IfSmall(large, r => [r]));
        Assert.Null(CircuitState.IfSmall<RenderedContent>(null, r => [r]));
    }

    private static T RoundTrip<T>(T value, out string json)
    {
        var serializer = new ReadingStateSerializer<T>();
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Persist(value, buffer);
        json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return serializer.Restore(new ReadOnlySequence<byte>(buffer.WrittenMemory));
    }
}
