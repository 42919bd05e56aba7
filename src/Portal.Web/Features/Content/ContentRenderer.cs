using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Web.Features.Content;

public sealed record TocEntry(int Level, string Id, string Text);

public sealed record RenderedContent(string Html, IReadOnlyList<TocEntry> Toc, int ReadingMinutes);

/// <summary>
/// Markdown to safe HTML. Whatever an author writes, scripts, event handlers, <c>javascript:</c>
/// links, frames and images from outside the portal's media store never reach a page.
/// </summary>
public sealed class ContentRenderer
{
    public const string MediaPrefix = "/media/";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public RenderedContent Render(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", _pipeline);
        var html = Sanitize(document.ToHtml(_pipeline));
        return new RenderedContent(html, TableOfContents(document), ReadingTime.Minutes(markdown ?? ""));
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private static List<TocEntry> TableOfContents(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id ?? "", InlineText(h.Inline)))
            .Where(e => e.Id.Length > 0 && e.Text.Length > 0)
            .ToList();

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        foreach (var leaf in inline.Descendants<LiteralInline>())
        {
            text.Append(leaf.Content.ToString());
        }

        foreach (var code in inline.Descendants<CodeInline>())
        {
            text.Append(code.Content);
        }

        return text.ToString().Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        // Images only from the portal's own media store.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.TagName.Equals("img", StringComparison.OrdinalIgnoreCase)
                && !(e.OriginalUrl.StartsWith(MediaPrefix, StringComparison.Ordinal) && !e.OriginalUrl.Contains("..", StringComparison.Ordinal)))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var image in e.Document.QuerySelectorAll("img:not([src])").ToList())
            {
                image.Remove();
            }

            // A task list's checkbox has no label: its item's text names it (nested lists aside).
            foreach (var box in e.Document.QuerySelectorAll("li > input[type=checkbox]"))
            {
                var item = box.ParentElement!;
                box.SetAttribute("aria-label", string.Concat(item.ChildNodes
                    .Where(n => n is not AngleSharp.Dom.IElement { LocalName: "ul" or "ol" })
                    .Select(n => n.TextContent)).Trim());
            }
        };
        return sanitizer;
    }
}

/// <summary>Reading time: about 200 English words or 400 Chinese characters a minute.</summary>
public static class ReadingTime
{
    public static int Minutes(string text)
    {
        var cjk = 0;
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        var minutes = (words / 200.0) + (cjk / 400.0);
        return Math.Max(1, (int)Math.Round(minutes, MidpointRounding.AwayFromZero));
    }

    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
