using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/" for an investor: the dashboard with their name, account and tier.</summary>
public sealed class InvestorDashboardPage(IPage page)
{
    public ILocator TierHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Your client tier", Level = 2 });

    public ILocator Welcome(string name) => page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}", Level = 1 });

    /// <summary>The value-axis labels of the 24-month chart.</summary>
    public ILocator HistoryAxisLabels => page.Locator(".mud-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Value over 24 months" }) })
        .Locator("svg .mud-charts-yaxis text");

    public ILocator Tier(string tier) => page.GetByRole(AriaRole.Main).GetByText(tier, new() { Exact = true });
}
