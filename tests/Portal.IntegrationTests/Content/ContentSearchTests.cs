using System.Text.RegularExpressions;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Content;

/// <summary>Search over the shipped content on PostgreSQL (pg_trgm), as an anonymous reader sees it.</summary>
public sealed partial class ContentSearchTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task An_english_query_finds_faq_and_articles_with_title_matches_first()
    {
        var hits = await SearchAsync("redemption", "en");

        Assert.True(hits.Count >= 5, $"expected several results, got {hits.Count}");
        Assert.Contains("/faq/when-does-redemption-money-arrive", hits.Select(h => h.Url));
        Assert.Contains(hits, h => h.Url.StartsWith("/learn/", StringComparison.Ordinal));
        var firstWithoutTitleMatch = hits.FindIndex(h => !h.Title.Contains("redemption", StringComparison.OrdinalIgnoreCase));
        var lastWithTitleMatch = hits.FindLastIndex(h => h.Title.Contains("redemption", StringComparison.OrdinalIgnoreCase));
        Assert.True(firstWithoutTitleMatch < 0 || lastWithTitleMatch < firstWithoutTitleMatch, "title matches come first");
    }

    [Fact]
    public async Task A_chinese_query_without_spaces_finds_chinese_answers_for_a_chinese_reader()
    {
        var hits = await SearchAsync("赎回款到账", "zh-Hans");

        Assert.NotEmpty(hits);
        Assert.Equal("/faq/when-does-redemption-money-arrive", hits[0].Url);
        Assert.Equal("赎回款什么时候到账？", hits[0].Title);
    }

    [Fact]
    public async Task A_chinese_phrase_matches_by_its_words()
    {
        var hits = await SearchAsync("赎回费", "zh-Hans");

        Assert.Contains("/faq/redemption-fee-holding-period", hits.Select(h => h.Url));
        Assert.All(hits, h => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", h.Title));
    }

    [Fact]
    public async Task Matches_are_highlighted_in_the_snippets()
    {
        using var client = app.CreatePortalClient();

        var html = await (await client.GetAsync("/search?q=" + Uri.EscapeDataString("cut-off"))).Content.ReadAsStringAsync();

        Assert.Matches("<mark>cut-off</mark>", html);
    }

    [Fact]
    public async Task A_query_that_matches_nothing_says_so()
    {
        Assert.Empty(await SearchAsync("xylophone-quartz", "en"));
    }

    [Fact]
    public async Task A_query_longer_than_a_hundred_characters_is_shortened_and_the_page_says_so()
    {
        using var client = app.CreatePortalClient();
        var query = string.Concat(Enumerable.Repeat("redemption ", 20));

        var html = await (await client.GetAsync("/search?q=" + Uri.EscapeDataString(query))).Content.ReadAsStringAsync();

        Assert.Contains(app.Text<ContentText>("Search.Shortened", "en", 100), html, StringComparison.Ordinal);
        var shortened = query[..100].Trim();
        Assert.Contains($"value=\"{shortened}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(query.Trim(), html, StringComparison.Ordinal);
        Assert.Contains("/faq/when-does-redemption-money-arrive", html, StringComparison.Ordinal);
    }

    private async Task<List<(string Url, string Title)>> SearchAsync(string query, string language)
    {
        using var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        var html = await (await client.GetAsync("/search?q=" + Uri.EscapeDataString(query))).Content.ReadAsStringAsync();
        return Hit().Matches(html)
            .Select(m => (m.Groups["url"].Value, System.Net.WebUtility.HtmlDecode(Tags().Replace(m.Groups["title"].Value, ""))))
            .ToList();
    }

    [GeneratedRegex("portal-search-hit.*?<h2[^>]*>\\s*<a[^>]*href=\"(?<url>[^\"]+)\"[^>]*>(?<title>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Hit();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
