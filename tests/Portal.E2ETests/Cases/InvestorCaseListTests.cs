using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Chat;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Cases;

/// <summary>The investor's case lists on a phone: a card per case (reference, subject, status, due or updated), no sideways scroll.</summary>
public sealed class InvestorCaseListTests(PortalAppFixture app) : BrowserTest(app)
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
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways on a phone.");
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf($"investor-{name}-390.png"), FullPage = true });

        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await Expect(list.Table).ToBeVisibleAsync();
        await Expect(list.Cards.First).ToBeHiddenAsync();
        await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf($"investor-{name}-1280.png"), FullPage = true });
    }
}
