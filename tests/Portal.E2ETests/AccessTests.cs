using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

public sealed class AccessTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task InvestorOpeningTheAdminUsersPageSeesNoAccess()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);

        var response = await Page.GotoAsync("/admin/users");

        Assert.Equal(403, response?.Status);
        await Expect(new NoAccessPage(Page).Heading).ToBeVisibleAsync();
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Table)).ToHaveCountAsync(0);
    }
}
