using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

public sealed class SignInTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task InvestorSignsInThroughTheLoginPageAndSeesTheirDashboard()
    {
        var login = await new LoginPage(Page).OpenAsync();
        await login.SignInAsync(DemoAccounts.GoldInvestor);

        var dashboard = new InvestorDashboardPage(Page);
        await Expect(Page).ToHaveURLAsync(App.BaseAddress.ToString());
        await Expect(dashboard.Welcome(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
        await Expect(dashboard.TierHeading).ToBeVisibleAsync();
        await Expect(dashboard.Tier("Gold")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AgentSignsInAndLandsOnTheServiceDesk()
    {
        var login = await new LoginPage(Page).OpenAsync();
        await login.SignInAsync(DemoAccounts.Agent);

        await Expect(Page).ToHaveURLAsync(new Uri(App.BaseAddress, AgentHomePage.Path).ToString());
        await Expect(new AgentHomePage(Page).Heading).ToBeVisibleAsync();
        await Expect(new ShellPage(Page).NavLink("Service desk")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnonymousVisitToTheServiceDeskSignsInFirstAndReturnsThere()
    {
        await Page.GotoAsync(AgentHomePage.Path);

        var login = new LoginPage(Page);
        await Expect(login.Heading).ToBeVisibleAsync();
        await login.SignInAsync(DemoAccounts.Agent);

        await Expect(Page).ToHaveURLAsync(new Uri(App.BaseAddress, AgentHomePage.Path).ToString());
        await Expect(new AgentHomePage(Page).Heading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SigningOutFromTheAccountMenuReturnsToTheLandingPage()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var shell = new ShellPage(Page);
        await Expect(shell.AccountMenu).ToBeVisibleAsync();

        await shell.SignOutAsync();

        await Expect(Page).ToHaveURLAsync(App.BaseAddress.ToString());
        await Expect(new LandingPage(Page).Heading).ToBeVisibleAsync();
        await Expect(shell.AccountMenu).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WrongPasswordKeepsTheVisitorOnTheLoginPageWithAMessage()
    {
        var login = await new LoginPage(Page).OpenAsync();
        await login.Email.FillAsync(DemoAccounts.SilverInvestor);
        await login.Password.FillAsync("not-the-password-1");
        await login.Submit.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or password is not correct.");
        await Expect(login.Heading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnInvestorAndAnAgentSignedInAtOnceEachKeepTheirOwnHome()
    {
        var agentPage = await OpenAnotherBrowserAsync();
        await SignInAsync(DemoAccounts.GoldInvestor);
        await SignInAsync(agentPage, DemoAccounts.Agent);

        await Page.ReloadAsync();
        await agentPage.ReloadAsync();

        await Expect(new InvestorDashboardPage(Page).Welcome(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
        await Expect(new AgentHomePage(agentPage).Heading).ToBeVisibleAsync();
        await Expect(new ShellPage(Page).NavLink("Service desk")).ToHaveCountAsync(0);
        await Expect(new ShellPage(agentPage).NavLink("Dashboard")).ToHaveCountAsync(0);
    }
}
