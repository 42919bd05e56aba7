using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Content;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Content;

/// <summary>The public pages as an anonymous visitor or a signed-in investor receives them.</summary>
public sealed class ContentPagesTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/learn", "Learn.Title", "Learn.Description")]
    [InlineData("/faq", "Faq.Title", "Faq.Description")]
    [InlineData("/announcements", "Announcements.Title", "Announcements.Description")]
    public async Task Public_pages_need_no_sign_in_and_have_a_title_and_a_description(string path, string titleKey, string descriptionKey)
    {
        using var client = app.CreatePortalClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadTextAsync();
        Assert.Contains($"<title>{app.Text<ContentText>(titleKey)}</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"description\" content=\"{app.Text<ContentText>(descriptionKey)}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_shows_its_reading_time_contents_and_related_articles_in_the_readers_language()
    {
        using var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "zh-Hans");

        var page = await (await client.GetAsync("/learn/what-is-a-fund")).ReadTextAsync();

        Assert.Contains("<h1", page, StringComparison.Ordinal);
        Assert.Contains("什么是基金", page, StringComparison.Ordinal);
        Assert.Contains(app.Text<ContentText>("Article.Toc", "zh-Hans"), page, StringComparison.Ordinal);
        Assert.Contains(app.Text<ContentText>("Article.Related", "zh-Hans"), page, StringComparison.Ordinal);
        Assert.Matches("约 \\d+ 分钟读完", page);
    }

    [Fact]
    public async Task An_faq_entry_has_its_own_page_and_an_unknown_slug_is_not_found()
    {
        using var client = app.CreatePortalClient();

        using var entry = await client.GetAsync("/faq/account-locked");
        using var missing = await client.GetAsync("/faq/no-such-question");

        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        Assert.Contains("Why is my online access locked?", await entry.ReadTextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_investor_sees_the_articles_they_have_read_in_the_learning_path()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.DiamondInvestor);

        (await client.GetAsync("/learn/understanding-nav")).Dispose();
        var page = await (await client.GetAsync("/learn")).ReadTextAsync();

        Assert.Matches("You have read 1 of \\d+ articles\\.", page);
    }

    [Fact]
    public async Task The_investor_dashboard_shows_the_latest_announcement()
    {
        var latest = await app.WithDbAsync(db => db.Set<ContentItem>()
            .Where(i => i.Kind == ContentKind.Announcement && i.Language == "en" && i.Status == ContentStatus.Published)
            .OrderByDescending(i => i.PublishedAt).Select(i => i.Title).FirstAsync());
        using var client = await app.SignedInClientAsync(DemoUsers.GoldInvestor);

        var page = await (await client.GetAsync("/")).ReadTextAsync();

        Assert.Contains(app.Text<ContentText>("Announcements.Latest"), page, StringComparison.Ordinal);
        Assert.Contains(latest, page, StringComparison.Ordinal);
    }
}
