using System.Globalization;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>
/// Pages keep what the prerender loaded ([PersistentState]): when the circuit starts it shows the same figures at
/// once instead of loading them again behind a loading bar. A page whose month changes while it is live loads
/// that month.
/// </summary>
public sealed class PrerenderedStateTests(PortalAppFixture app) : BrowserTest(app)
{
    /// <summary>
    /// Counts loading bars (MudProgressLinear) that Blazor inserts after the prerendered document has been parsed,
    /// i.e. every loading bar the live circuit shows.
    /// </summary>
    private const string LoadingBarWatcher =
        """
        window.__loadingBarsShown = 0;
        document.addEventListener('DOMContentLoaded', () => window.__parsed = true);
        new MutationObserver(records => {
            if (!window.__parsed) return;
            for (const record of records)
                for (const node of record.addedNodes)
                    if (node.nodeType === 1 && (node.matches('.mud-progress-linear') || node.querySelector('.mud-progress-linear')))
                        window.__loadingBarsShown++;
        }).observe(document, { childList: true, subtree: true });
        """;

    private Task<int> LoadingBarsShownAsync() => Page.EvaluateAsync<int>("() => window.__loadingBarsShown");

    [Fact]
    public async Task Dashboard_comes_prerendered_and_the_live_circuit_shows_it_without_loading_again()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        await Page.AddInitScriptAsync(LoadingBarWatcher);

        var response = await Page.GotoAsync("/");
        var html = await response!.TextAsync();
        Assert.Contains("Welcome, ", html, StringComparison.Ordinal);
        Assert.Contains("Account 880000000002", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-progress-linear", html, StringComparison.Ordinal);

        await new ShellPage(Page).WaitUntilInteractiveAsync();
        var dashboard = new InvestorDashboardPage(Page);
        await Expect(dashboard.Welcome(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
        await Expect(dashboard.TierHeading).ToBeVisibleAsync();
        Assert.Equal(0, await LoadingBarsShownAsync());
    }

    [Fact]
    public async Task Statement_page_shows_the_month_it_is_moved_to_while_live()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        await Page.AddInitScriptAsync(LoadingBarWatcher);
        var statements = new StatementPages(Page);
        var shell = new ShellPage(Page);
        var last = StatementPages.LastClosedMonth;
        var previous = last.AddMonths(-1);

        // The previous month opened on its own: the figures it must show.
        await Page.GotoAsync(StatementPages.PathOf(previous));
        await Expect(statements.StatementHeading(previous)).ToBeVisibleAsync();
        var previousClosing = await statements.ClosingValue.TextContentAsync();

        await Page.GotoAsync(StatementPages.PathOf(last));
        await shell.WaitUntilInteractiveAsync();
        await Expect(statements.StatementHeading(last)).ToBeVisibleAsync();
        Assert.Equal(0, await LoadingBarsShownAsync());
        var lastClosing = await statements.ClosingValue.TextContentAsync();
        Assert.NotEqual(previousClosing, lastClosing);

        // The same live page gets another month: it must load that month, not keep the persisted one.
        await Page.EvaluateAsync("path => Blazor.navigateTo(path)", StatementPages.PathOf(previous));
        await Expect(statements.StatementHeading(previous)).ToBeVisibleAsync();
        await Expect(statements.ClosingValue).ToHaveTextAsync(previousClosing!);
        await Expect(Page.GetByText(StatementPages.PeriodOf(previous))).ToBeVisibleAsync();
    }
}
