using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Reading;

namespace Portal.ComponentTests.Content;

/// <summary>
/// Keyed pages (a query, a slug) moved to another key while a load for the old one is still running: the old
/// result lands late and must neither replace the new one nor leave the loading bar up.
/// </summary>
public sealed class StaleLoadTests() : ContentPageTest(
    (ContentKind.Faq, "how-redemption-works", "How redemption works", "Redemption pays out in two days."),
    (ContentKind.Faq, "fees-at-a-glance", "Fees at a glance", "Subscription fees are charged once."),
    (ContentKind.Article, "understanding-nav", "Understanding NAV", "## What NAV means\n\nThe value of one unit."),
    (ContentKind.Article, "fund-fees", "Fund fees", "## Who pays\n\nThe investor."))
{
    [Fact]
    public async Task Search_shows_the_new_query_when_the_old_querys_results_arrive_last()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/search?q=fees");
        var slow = Database.HoldNext();
        var page = Render<SearchPage>();

        await page.InvokeAsync(() => navigation.NavigateTo("/search?q=redemption"));

        await TheLateOldLoadChangesNothingAsync(page, slow, () =>
        {
            Assert.Contains("1 results for “redemption”", page.Markup, StringComparison.Ordinal);
            Assert.Equal("How redemption works", page.Find(".portal-search-hit h2").TextContent.Trim());
        });
    }

    [Fact]
    public Task An_article_page_shows_the_new_article_when_the_old_one_arrives_last() =>
        TheNewSlugWinsAsync<ArticlePage>(a => a.Slug, "fund-fees", "understanding-nav", "Understanding NAV");

    [Fact]
    public Task A_faq_entry_page_shows_the_new_answer_when_the_old_one_arrives_last() =>
        TheNewSlugWinsAsync<FaqEntryPage>(f => f.Slug, "fees-at-a-glance", "how-redemption-works", "How redemption works");

    private async Task TheNewSlugWinsAsync<TPage>(Expression<Func<TPage, string>> slug, string oldSlug, string newSlug, string newTitle)
        where TPage : IComponent
    {
        var slow = Database.HoldNext();
        var page = Render<TPage>(p => p.Add(slug, oldSlug));

        page.Render(p => p.Add(slug, newSlug));

        await TheLateOldLoadChangesNothingAsync(page, slow, () => Assert.Equal(newTitle, page.Find("h1").TextContent.Trim()));
    }

    /// <summary>The page shows the new key's result; then the held old load finishes, and the page still shows it, loaded.</summary>
    private static async Task TheLateOldLoadChangesNothingAsync<TPage>(IRenderedComponent<TPage> page, SlowContentDatabase.Hold slow, Action showsTheNewKey)
        where TPage : IComponent
    {
        Assert.True(slow.Reached, "the load for the old key is held");
        page.WaitForAssertion(showsTheNewKey);

        slow.Release();
        await Task.Delay(200);

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll(".mud-progress-linear"));
            showsTheNewKey();
        });
        Assert.True(slow.Token.IsCancellationRequested, "the load for the old key was cancelled");
    }
}
