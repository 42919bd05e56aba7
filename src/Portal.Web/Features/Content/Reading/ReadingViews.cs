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
