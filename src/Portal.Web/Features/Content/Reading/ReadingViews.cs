using System.Text;

namespace Portal.Web.Features.Content.Reading;

// What the reading pages keep from the prerender for the interactive render ([PersistentState]): published
// content, already rendered, and for an investor which articles they have read.

/// <summary>A published item with its Markdown rendered to safe HTML.</summary>
public sealed record RenderedPage(ContentCard Card, RenderedContent Rendered)
{
    public static RenderedPage From(ContentPage page, ContentRenderer renderer) => new(page.Card, renderer.Render(page.Body));
}

/// <summary>An article and the related articles listed beside it.</summary>
public sealed record ArticleView(RenderedPage Article, IReadOnlyList<ContentCard> Related);

/// <summary>The articles for /learn; <see cref="Read"/> holds the slugs a signed-in investor has read, null for anyone else.</summary>
public sealed record LearnView(IReadOnlyList<ContentCard> Articles, IReadOnlyList<string>? Read);

/// <summary>A question on /faq, without its answer (that is loaded when the question is opened).</summary>
public sealed record FaqQuestion(string Slug, string Title, string Category);

/// <summary>
/// How much rendered content a reading page hands from the prerender to the live circuit. The state travels in the
/// circuit's first message, which may carry at most 32 KB (encrypted and base64-encoded it takes about 1.8 times its
/// JSON); past that the page never comes alive. Content above the budget is not handed over: the live circuit loads
/// it again (a short loading bar) instead.
/// </summary>
public static class CircuitState
{
    /// <summary>The most rendered HTML (UTF-8 bytes) a page hands over; every shipped article stays under it.</summary>
    public const int MaxHtmlBytes = 12 * 1024;

    /// <summary><paramref name="value"/> when its rendered HTML fits <see cref="MaxHtmlBytes"/>, otherwise null.</summary>
    public static T? IfSmall<T>(T? value, Func<T, IEnumerable<RenderedContent>> rendered)
        where T : class =>
        value is not null && rendered(value).Sum(r => Encoding.UTF8.GetByteCount(r.Html)) <= MaxHtmlBytes ? value : null;
}
