using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>
/// The portal on a phone (390 × 844): the navigation hides in a drawer behind the menu button; the dashboard's recent
/// transactions put each value on a line of its own after its column's name; a statement fits the width.
/// </summary>
public sealed class PhoneTests(PortalAppFixture app) : BrowserTest(app)
{
    protected override ViewportSize Viewport => Phone;

    [Fact]
    public async Task MenuButtonOpensTheNavigationDrawerAndSignInWorks()
    {
        await Page.GotoAsync("/");
        var shell = new ShellPage(Page);
        await Expect(new LandingPage(Page).Heading).ToBeVisibleAsync();
        await Expect(shell.Navigation).Not.ToBeInViewportAsync();

        await shell.OpenNavigationAsync();

        await Expect(shell.Navigation).ToBeInViewportAsync();
        await shell.NavLink("Sign in").ClickAsync();
        var login = new LoginPage(Page);
        await Expect(login.Heading).ToBeVisibleAsync();
        await login.SignInAsync(DemoAccounts.GoldInvestor);

        await Expect(new InvestorDashboardPage(Page).Welcome(DemoAccounts.GoldInvestorName)).ToBeInViewportAsync();
        await Expect(shell.Navigation).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task TheDrawerClosesOnTheScrimOnEscapeAndWhenOneOfItsLinksIsFollowed()
    {
        await Page.GotoAsync("/learn");
        var shell = new ShellPage(Page);
        var scrim = Page.Locator(".portal-drawer-scrim");
        await Expect(shell.Navigation).Not.ToBeInViewportAsync();
        await Expect(scrim).ToBeHiddenAsync();
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");

        await shell.MenuButton.ClickAsync();
        await Expect(shell.Navigation).ToBeInViewportAsync();
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        // The scrim lies over the page beside the drawer (240 px wide).
        await Page.Mouse.ClickAsync(350, 400);
        await Expect(shell.Navigation).Not.ToBeInViewportAsync();
        await Expect(scrim).ToBeHiddenAsync();

        await shell.MenuButton.ClickAsync();
        await Expect(shell.Navigation).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(shell.Navigation).Not.ToBeInViewportAsync();

        await shell.WaitUntilInteractiveAsync();
        await shell.MenuButton.ClickAsync();
        await shell.NavLink("FAQ").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/faq$"));
        await Expect(shell.Navigation).Not.ToBeInViewportAsync();
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task DashboardsRecentTransactionsShowEachValueAfterItsColumnName()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var dashboard = new InvestorDashboardPage(Page);
        await Expect(dashboard.RecentTransactions).ToBeVisibleAsync();
        // Read once the live circuit has taken over: it replaces the prerendered table as it starts.
        await new ShellPage(Page).WaitUntilInteractiveAsync();

        var rows = await dashboard.StackedCellLabelsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, labels => Assert.Equal(["Date", "Type", "Product", "Amount", "Status"], labels));
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The dashboard scrolls sideways on a phone.");
    }

    [Fact]
    public async Task StatementFitsThePhoneWithBothDownloadsWhole()
    {
        await (await new LoginPage(Page).OpenAsync()).SignInAsync(DemoAccounts.GoldInvestor);
        var month = StatementPages.LastClosedMonth;
        await Page.GotoAsync(StatementPages.PathOf(month));
        var statement = new StatementPages(Page);
        await Expect(statement.StatementHeading(month)).ToBeVisibleAsync();

        // Whole, not cut off at the screen's edge; only the transaction table may scroll sideways, inside its own box.
        await Expect(statement.DownloadPdf).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(statement.DownloadCsv).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The statement page scrolls sideways on a phone.");
    }
}
