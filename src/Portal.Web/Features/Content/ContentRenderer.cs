using AngleSharp;
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

    /// <summary>Every id in rendered content starts with this; the app's own ids never do.</summary>
    public const string IdPrefix = "h-";

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
        var headingIds = PrefixHeadingIds(document);
        var html = Sanitize(document.ToHtml(_pipeline), headingIds);
        return new RenderedContent(html, TableOfContents(document), ReadingTime.Minutes(markdown ?? ""));
    }

    /// <summary>
    /// Puts the ids Markdig gives headings into the renderer's own namespace (<see cref="IdPrefix"/>), so they
    /// never collide with the ids the app itself uses (components-reconnect-modal, toc-heading ...).
    /// </summary>
    private static HashSet<string> PrefixHeadingIds(MarkdownDocument document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            if (!string.IsNullOrEmpty(attributes.Id))
            {
                attributes.Id = IdPrefix + attributes.Id;
                ids.Add(attributes.Id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Sanitizes, then keeps only the ids the renderer generated: an author's raw HTML may carry neither an id
    /// (it could take over one of the app's elements) nor a class (it could imitate the app's UI).
    /// </summary>
    private string Sanitize(string html, HashSet<string> headingIds)
    {
        using var document = _sanitizer.SanitizeDom(html);
        var body = document.Body!;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in body.QuerySelectorAll("[id]"))
        {
            var id = element.Id!;
            var isHeading = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
            var own = isHeading ? (headingIds.Contains(id) ? id : null) : FootnoteId(id);
            if (own is not null && kept.Add(own))
            {
                element.Id = own;
            }
            else
            {
                element.RemoveAttribute("id");
            }
        }

        // In-page links (footnotes, [the fees](#fees)) follow their targets into the namespace.
        foreach (var link in body.QuerySelectorAll("a[href^='#']"))
        {
            var fragment = link.GetAttribute("href")![1..];
            var target = FootnoteId(fragment) ?? IdPrefix + fragment;
            if (kept.Contains(target))
            {
                link.SetAttribute("href", "#" + target);
            }
        }

        return body.ChildNodes.ToHtml(_sanitizer.OutputFormatter);
    }

    /// <summary>Markdig's footnote ids (fn:1 for the note, fnref:1 for the reference) in the renderer's namespace.</summary>
    private static string? FootnoteId(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || id[..colon] is not ("fn" or "fnref"))
        {
            return null;
        }

        var number = id[(colon + 1)..];
        return number.Length > 0 && number.All(char.IsAsciiDigit) ? IdPrefix + id[..colon] + "-" + number : null;
    }

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
        // Ids pass the sanitizer only to be checked against the renderer's own afterwards (see Sanitize).
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("class");
        // A named image or anchor becomes a property of document (DOM clobbering).
        sanitizer.AllowedAttributes.Remove("name");
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
