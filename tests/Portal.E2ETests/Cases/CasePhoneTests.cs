using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Chat;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Cases;

/// <summary>The case pages on a phone: the investor's lists as a card per case (reference, subject, status, due or updated), nothing scrolls sideways.</summary>
public sealed class CasePhoneTests(PortalAppFixture app) : BrowserTest(app)
{
    protected override ViewportSize Viewport => Phone;

    [Theory]
    [InlineData("/complaints", "complaints")]
    [InlineData("/requests", "requests")]
    public async Task On_a_phone_each_case_is_a_card_and_on_a_desktop_a_table_row(string path, string name)
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var list = new InvestorCaseListPage(Page);
        await list.OpenAsync(path);

        var card = list.Cards.First;
        await Expect(card).ToBeVisibleAsync();
        await Expect(list.Table).ToBeHiddenAsync();
        await Expect(card.GetByRole(AriaRole.Link)).ToHaveTextAsync(CaseTimelinePart.Reference());
        await Expect(card.GetByTestId("case-status")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(new Regex(@"(Due|Updated) \d{4}-\d{2}-\d{2} \d{2}:\d{2}"));
        // The first card is the table's first row: same reference and subject.
        var firstRow = list.Table.Locator("tbody tr").First;
        await Expect(card).ToContainTextAsync((await firstRow.Locator("td").Nth(1).TextContentAsync())!.Trim());
        await Expect(card.GetByRole(AriaRole.Link)).ToHaveTextAsync((await firstRow.Locator("td").First.TextContentAsync())!.Trim());
        await FitsAsync(Page, path);
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf($"investor-{name}-390.png"), FullPage = true });

        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await Expect(list.Table).ToBeVisibleAsync();
        await Expect(list.Cards.First).ToBeHiddenAsync();
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf($"investor-{name}-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task The_investors_and_the_agents_case_pages_fit_a_phone()
    {
        var agentPage = await OpenAnotherBrowserAsync();
        await SignInAsync(DemoAccounts.GoldInvestor);
        await SignInAsync(agentPage, DemoAccounts.Agent);
        var list = new InvestorCaseListPage(Page);
        await list.OpenAsync("/complaints/new");
        await Expect(new NewCasePage(Page).Submit).ToBeVisibleAsync();
        await FitsAsync(Page, "/complaints/new");
        await list.OpenAsync("/complaints");
        await list.Cards.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(new InvestorCasePage(Page).Timeline.List).ToBeVisibleAsync();
        await FitsAsync(Page, "an investor's case");

        var desk = new DeskPages(agentPage);
        await desk.OpenListAsync();
        await FitsAsync(agentPage, "/agent/tickets");
        await agentPage.GetByRole(AriaRole.Link, new() { NameRegex = CaseTimelinePart.Reference() }).First.ClickAsync();
        await Expect(desk.Timeline.List).ToBeVisibleAsync();
        await FitsAsync(agentPage, "a case on the desk");
        await agentPage.GotoAsync("/agent/calls/new");
        await new ShellPage(agentPage).WaitUntilInteractiveAsync();
        await Expect(agentPage.Locator("[data-testid=phone-scripts]")).ToBeVisibleAsync();
        await FitsAsync(agentPage, "/agent/calls/new");
    }

    private static async Task FitsAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} scrolls sideways on a phone.");
}
