using System.Net;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Content;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Content;

/// <summary>
/// The anonymous public pages are rendered once and then answered from the server's page cache (an <c>Age</c> header
/// says so), apart for each language and theme, never for a signed-in visitor, and afresh once content changes.
/// </summary>
public sealed class PublicPageCacheTests(ContentApp app) : IClassFixture<ContentApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/faq")]
    [InlineData("/learn")]
    [InlineData("/learn/understanding-fund-fees")]
    [InlineData("/faq/when-does-redemption-money-arrive")]
    [InlineData("/announcements")]
    [InlineData("/search?q=%E5%9F%BA%E9%87%91")]
    public async Task An_anonymous_public_page_is_rendered_once_and_sets_no_cookie(string url)
    {
        using var client = app.CreatePortalClient();

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains("no-cache", second.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True(second.Headers.Contains("Content-Security-Policy"), "a cached page still carries the security headers");
    }

    [Fact]
    public async Task Each_language_and_theme_gets_its_own_page()
    {
        var english = await PageAsync("/faq?v=languages", "en");
        var chinese = await PageAsync("/faq?v=languages", "zh-Hans");
        var dark = await PageAsync("/faq?v=languages", "en", theme: "dark");

        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\"", chinese, StringComparison.Ordinal);
        Assert.Contains(app.Text<ContentText>("Faq.Title", "zh-Hans"), chinese, StringComparison.Ordinal);
        Assert.NotEqual(english, dark);
        Assert.Equal(english, await PageAsync("/faq?v=languages", "en"));
        Assert.Equal(dark, await PageAsync("/faq?v=languages", "en", theme: "dark"));
    }

    [Fact]
    public async Task A_signed_in_visitor_is_never_served_a_cached_page()
    {
        using (var anonymous = app.CreatePortalClient())
        {
            (await anonymous.GetAsync("/")).Dispose();
            (await anonymous.GetAsync("/")).Dispose();
        }

        using var investor = await app.SignedInClientAsync(DemoUsers.GoldInvestor);
        using var home = await investor.GetAsync("/");
        using var faq = await investor.GetAsync("/faq");
        using var faqAgain = await investor.GetAsync("/faq");

        Assert.Null(home.Headers.Age);
        Assert.Null(faqAgain.Headers.Age);
        Assert.DoesNotContain(app.Text<UiText>("Landing.Headline"), await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("sign-out-form", await faqAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_is_not_cached_and_keeps_its_form_token()
    {
        using var client = app.CreatePortalClient();

        using var first = await client.GetAsync("/Account/Login");
        using var second = await client.GetAsync("/Account/Login");

        Assert.Null(second.Headers.Age);
        Assert.Contains("__RequestVerificationToken", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(first.Headers.Contains("Set-Cookie"), "the sign-in form's antiforgery cookie");
    }

    [Fact]
    public async Task A_newly_published_question_is_on_the_cached_page_at_once()
    {
        await PageAsync("/faq?v=publish", "en");
        Assert.NotNull((await ResponseAsync("/faq?v=publish")).Age);

        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var reviewer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        await app.WorkspaceAsync(async workspace =>
        {
            var id = await workspace.CreateAsync(author, new ContentDraft
            {
                Kind = ContentKind.Faq,
                Slug = "is-the-page-cache-dropped",
                Language = ContentLanguages.English,
                Title = "Is the page cache dropped on publishing?",
                Category = "fees",
                Body = "Yes.",
            });
            var item = await workspace.GetAsync(id);
            var stamp = await workspace.SubmitAsync(author, id, item!.ConcurrencyStamp);
            return await workspace.ApproveAsync(reviewer, id, stamp, null);
        });

        var after = await ResponseAsync("/faq?v=publish");
        Assert.Null(after.Age);
        Assert.Contains("Is the page cache dropped on publishing?", after.Html, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string url, string language, string? theme = null)
    {
        using var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        if (theme is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $"portal.theme={theme}");
        }

        return await client.GetStringAsync(url);
    }

    private async Task<(TimeSpan? Age, string Html)> ResponseAsync(string url)
    {
        using var client = app.CreatePortalClient();
        using var response = await client.GetAsync(url);
        return (response.Headers.Age, await response.Content.ReadAsStringAsync());
    }
}
