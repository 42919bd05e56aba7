using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

public sealed class LanguageTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task ChoosingSimplifiedChineseShowsThePageInChineseAndIsRememberedAfterReload()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var shell = new ShellPage(Page);
        await Expect(shell.Document).ToHaveAttributeAsync("lang", Language.English.Tag);

        await shell.ChooseLanguageAsync(Language.SimplifiedChinese);

        await AssertChineseDashboardAsync(shell);
        await Page.ReloadAsync();
        await AssertChineseDashboardAsync(shell);
    }

    [Fact]
    public async Task VisitorCanSwitchBackToEnglish()
    {
        await Page.GotoAsync("/");
        var shell = new ShellPage(Page);
        await shell.ChooseLanguageAsync(Language.SimplifiedChinese);
        await Expect(shell.MainHeading).ToHaveTextAsync("您的投资与我们的服务，尽在一处");

        await shell.ChooseLanguageAsync(Language.English);

        await Expect(new LandingPage(Page).Heading).ToBeVisibleAsync();
    }

    private async Task AssertChineseDashboardAsync(ShellPage shell)
    {
        await Expect(shell.Document).ToHaveAttributeAsync("lang", Language.SimplifiedChinese.Tag);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"{DemoAccounts.GoldInvestorName}，您好", Level = 1 })).ToBeVisibleAsync();
        await Expect(shell.NavLink("首页概览")).ToBeVisibleAsync();
        await Expect(shell.AppBar.GetByRole(AriaRole.Button, new() { Name = "语言" })).ToBeVisibleAsync();
    }
}
