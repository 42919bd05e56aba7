using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Features.Content;

public sealed record SearchHit(ContentCard Card, string TitleHtml, string SnippetHtml, bool TitleMatch, int Score);

/// <summary>
/// Full-text search over published articles and FAQ entries. Candidates come from the database
/// (PostgreSQL: ILIKE served by pg_trgm indexes; SQLite: LIKE); ranking and snippets are computed here,
/// so both providers return the same results.
/// </summary>
public sealed class ContentSearch(IDbContextFactory<PortalDbContext> dbFactory)
{
    private static readonly ContentKind[] Searchable = [ContentKind.Article, ContentKind.Faq];

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, string language, int max = 30, CancellationToken cancellationToken = default)
    {
        var whole = SearchText.Shorten(query);
        var terms = SearchText.Terms(whole);
        if (terms.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = new HashSet<Guid>();
        foreach (var term in SearchText.Probes(terms))
        {
            var pattern = "%" + EscapeLike(term) + "%";
            var items = db.Set<ContentItem>().AsNoTracking()
                .Where(i => Searchable.Contains(i.Kind) && i.Status == ContentStatus.Published);
            items = db.Database.IsNpgsql()
                ? items.Where(i => EF.Functions.ILike(i.Title, pattern, "\\") || EF.Functions.ILike(i.Summary, pattern, "\\")
                    || EF.Functions.ILike(i.Body, pattern, "\\") || EF.Functions.ILike(i.Tags, pattern, "\\"))
                : items.Where(i => EF.Functions.Like(i.Title, pattern, "\\") || EF.Functions.Like(i.Summary, pattern, "\\")
                    || EF.Functions.Like(i.Body, pattern, "\\") || EF.Functions.Like(i.Tags, pattern, "\\"));
            ids.UnionWith(await items.Select(i => i.Id).ToListAsync(cancellationToken));
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var candidates = await db.Set<ContentItem>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var hits = candidates
            .Select(i => Score(i, terms, whole))
            .Where(h => h is not null)
            .Select(h => h!)
            .GroupBy(h => (h.Card.Kind, h.Card.Slug))
            .Select(g => g.FirstOrDefault(h => h.Card.Language == language) ?? g.OrderByDescending(h => h.Score).First());
        return hits
            .OrderBy(h => h.Card.Language == language ? 0 : 1)
            .ThenByDescending(h => h.TitleMatch)
            .ThenByDescending(h => h.Score)
            .ThenBy(h => h.Card.Title, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    private static SearchHit? Score(ContentItem item, IReadOnlyList<string> terms, string whole)
    {
        var body = SearchText.PlainText(item.Body);
        var score = 0;
        var titleMatch = false;
        foreach (var term in terms)
        {
            var inTitle = SearchText.Matches(item.Title, term);
            var inSummary = SearchText.Matches(item.Summary, term);
            var inTags = SearchText.Matches(item.Tags, term);
            var inBody = SearchText.Count(body, term);
            if (!inTitle && !inSummary && !inTags && inBody == 0)
            {
                return null; // every term must appear somewhere
            }

            titleMatch |= inTitle;
            score += (inTitle ? 40 : 0) + (inSummary ? 15 : 0) + (inTags ? 10 : 0) + (Math.Min(inBody, 5) * 2);
        }

        if (item.Title.Contains(whole, StringComparison.OrdinalIgnoreCase))
        {
            score += 100;
        }

        var snippetSource = item.Summary + " " + body;
        return new SearchHit(
            ContentCard.From(item),
            SearchText.Highlight(item.Title, terms),
            SearchText.Highlight(SearchText.Window(snippetSource, terms, 90), terms),
            titleMatch,
            score);
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>Pure text helpers for search: terms, matching (Chinese by characters), snippets, highlighting.</summary>
public static partial class SearchText
{
    /// <summary>The longest query searched (anyone may search, so its cost is bounded); longer ones are cut to it.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>
    /// The most strings one search looks for in the database, each one LIKE query. A long Chinese run has a
    /// character pair for every character, so without this a 2,000-character query made 2,000 queries.
    /// </summary>
    public const int MaxProbes = 16;

    /// <summary>The query as searched: trimmed and at most <see cref="MaxQueryLength"/> characters.</summary>
    public static string Shorten(string? query)
    {
        var trimmed = query?.Trim() ?? "";
        if (trimmed.Length <= MaxQueryLength)
        {
            return trimmed;
        }

        // Never cut a character outside the basic plane in half.
        var length = char.IsHighSurrogate(trimmed[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength;
        return trimmed[..length].TrimEnd();
    }

    /// <summary>True when <see cref="Shorten"/> leaves part of the query out.</summary>
    public static bool IsShortened(string? query) => (query?.Trim().Length ?? 0) > MaxQueryLength;

    /// <summary>Words of the query (at most 8); Chinese runs stay whole (they are matched by their character pairs too).</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var shortened = Shorten(query);
        return shortened.Length == 0
            ? []
            : Separators().Split(shortened.ToLowerInvariant())
                .Where(t => t.Length > 0)
                .Distinct()
                .Take(8)
                .ToList();
    }

    /// <summary>
    /// The strings to look for in the database, at most <see cref="MaxProbes"/>: each term, or for a Chinese run
    /// its character pairs (a text that contains the run contains them too). A hit must match every term, so the
    /// first terms' probes are enough to find the candidates; the ranking then checks all terms.
    /// </summary>
    public static IReadOnlyList<string> Probes(IReadOnlyList<string> terms) =>
        terms.SelectMany(t => Bigrams(t).DefaultIfEmpty(t)).Distinct().Take(MaxProbes).ToList();

    /// <summary>
    /// A term matches when it appears. A Chinese run has no spaces between its words, so it also matches
    /// when most of its character pairs appear (a query like 如何赎回基金 finds a text about 赎回 and 基金).
    /// </summary>
    public static bool Matches(string text, string term)
    {
        if (text.Contains(term, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var pairs = Bigrams(term).ToList();
        return pairs.Count > 0 && pairs.Count(p => text.Contains(p, StringComparison.Ordinal)) >= Math.Ceiling(pairs.Count * 0.6);
    }

    public static int Count(string text, string term)
    {
        var count = 0;
        for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count == 0 && Matches(text, term) ? 1 : count;
    }

    /// <summary>Markdown to searchable text: link targets, markup and table pipes removed.</summary>
    public static string PlainText(string markdown)
    {
        var text = MarkdownLink().Replace(markdown, "$1");
        text = Markup().Replace(text, " ");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>About <paramref name="width"/> characters around the first match.</summary>
    public static string Window(string text, IReadOnlyList<string> terms, int width)
    {
        var first = terms
            .SelectMany(Highlightable)
            .Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase))
            .Where(i => i >= 0)
            .DefaultIfEmpty(0)
            .Min();
        var start = Math.Max(0, first - (width / 3));
        var length = Math.Min(width * 2, text.Length - start);
        var window = text.Substring(start, length).Trim();
        return (start > 0 ? "… " : "") + window + (start + length < text.Length ? " …" : "");
    }

    /// <summary>HTML-encodes <paramref name="text"/> and wraps every match in <c>mark</c>.</summary>
    public static string Highlight(string text, IReadOnlyList<string> terms)
    {
        var marks = new bool[text.Length];
        foreach (var term in terms.SelectMany(Highlightable))
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marks, true, at, term.Length);
            }
        }

        var html = new StringBuilder();
        var open = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (marks[i] != open)
            {
                html.Append(open ? "</mark>" : "<mark>");
                open = marks[i];
            }

            html.Append(WebUtility.HtmlEncode(text[i].ToString()));
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    private static IEnumerable<string> Highlightable(string term) =>
        IsChinese(term) && term.Length > 2 ? Bigrams(term).Prepend(term) : [term];

    private static IEnumerable<string> Bigrams(string term) =>
        IsChinese(term) && term.Length > 2
            ? Enumerable.Range(0, term.Length - 1).Select(i => term.Substring(i, 2))
            : [];

    private static bool IsChinese(string term) => term.All(ReadingTime.IsCjk);

    [GeneratedRegex(@"[\s,，。、？?！!；;：:""“”'‘’()（）]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[#*_`>|~]+|-{3,}")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
