using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Reading;

namespace Portal.ComponentTests.Content;

/// <summary>
/// Keyed pages (a query, a slug) moved to another key while a load for the old one is still running: the old
/// result lands late and must neither replace the new one nor leave the loading bar up.
/// </summary>
public sealed class StaleLoadTests : PortalComponentTest
{
    private readonly SlowContentDatabase _database = new(
        (ContentKind.Faq, "how-redemption-works", "How redemption works", "Redemption pays out in two days."),
        (ContentKind.Faq, "fees-at-a-glance", "Fees at a glance", "Subscription fees are charged once."),
        (ContentKind.Article, "understanding-nav", "Understanding NAV", "## What NAV means\n\nThe value of one unit."),
        (ContentKind.Article, "fund-fees", "Fund fees", "## Who pays\n\nThe investor."));

    public StaleLoadTests()
    {
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(_database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ContentRenderer>();
        Services.AddScoped<ContentLibrary>();
        Services.AddScoped<ContentSearch>();
    }

    [Fact]
    public async Task Search_shows_the_new_query_when_the_old_querys_results_arrive_last()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/search?q=fees");
        var slow = _database.HoldNext();
        var page = Render<SearchPage>();
        Assert.True(slow.Reached);

        await page.InvokeAsync(() => navigation.NavigateTo("/search?q=redemption"));
        page.WaitForAssertion(() => Assert.Contains("1 results for “redemption”", page.Markup, StringComparison.Ordinal));
        slow.Release();
        await Task.Delay(200);

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll(".mud-progress-linear"));
            Assert.Contains("1 results for “redemption”", page.Markup, StringComparison.Ordinal);
            Assert.Equal("How redemption works", page.Find(".portal-search-hit h2").TextContent.Trim());
        });
        Assert.True(slow.Token.IsCancellationRequested, "the load for the old query was cancelled");
    }

    [Fact]
    public async Task An_article_page_shows_the_new_article_when_the_old_one_arrives_last()
    {
        var slow = _database.HoldNext();
        var page = Render<ArticlePage>(p => p.Add(a => a.Slug, "fund-fees"));
        Assert.True(slow.Reached);

        page.Render(p => p.Add(a => a.Slug, "understanding-nav"));
        page.WaitForAssertion(() => Assert.Equal("Understanding NAV", page.Find("h1").TextContent.Trim()));
        slow.Release();
        await Task.Delay(200);

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll(".mud-progress-linear"));
            Assert.Equal("Understanding NAV", page.Find("h1").TextContent.Trim());
        });
        Assert.True(slow.Token.IsCancellationRequested, "the load for the old article was cancelled");
    }

    [Fact]
    public async Task A_faq_entry_page_shows_the_new_answer_when_the_old_one_arrives_last()
    {
        var slow = _database.HoldNext();
        var page = Render<FaqEntryPage>(p => p.Add(a => a.Slug, "fees-at-a-glance"));
        Assert.True(slow.Reached);

        page.Render(p => p.Add(a => a.Slug, "how-redemption-works"));
        page.WaitForAssertion(() => Assert.Equal("How redemption works", page.Find("h1").TextContent.Trim()));
        slow.Release();
        await Task.Delay(200);

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll(".mud-progress-linear"));
            Assert.Equal("How redemption works", page.Find("h1").TextContent.Trim());
        });
        Assert.True(slow.Token.IsCancellationRequested, "the load for the old answer was cancelled");
    }
}
