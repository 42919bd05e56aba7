using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/" for an investor: the dashboard with their name, account and tier.</summary>
public sealed class InvestorDashboardPage(IPage page)
{
    public ILocator TierHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Your client tier", Level = 2 });

    public ILocator Welcome(string name) => page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}", Level = 1 });

    public ILocator Tier(string tier) => page.GetByRole(AriaRole.Main).GetByText(tier, new() { Exact = true });
}
