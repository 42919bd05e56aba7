using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>Month-end runs on the server: the admin can close the tab and find the result later (on a phone here).</summary>
public sealed class MonthEndTests(PortalAppFixture app) : BrowserTest(app)
{
    protected override ViewportSize Viewport => Phone;

    [Fact]
    public async Task AdminStartsMonthEndClosesTheTabAndFindsTheFinishedRunWhenComingBack()
    {
        await SignInAsync(DemoAccounts.Admin);
        var imports = await new ImportsPage(Page).OpenAsync();
        await Expect(imports.MonthEndHeading).ToBeVisibleAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        // The panel opens on the last closed month, which no other test closes.
        await Expect(imports.MonthEndStatus).ToContainTextAsync("Not run yet");

        await imports.RunMonthEnd.ClickAsync();
        await imports.ConfirmRun.ClickAsync();
        // The server took the request (it is waiting, running or already done); the tab goes away now.
        await Expect(imports.MonthEndStatus).Not.ToContainTextAsync("Not run yet");
        var context = Page.Context;
        await Page.CloseAsync();

        var again = await new ImportsPage(await context.NewPageAsync()).OpenAsync();
        await Expect(again.MonthEndStatus).ToContainTextAsync(ImportsPage.Finished);
    }
}
