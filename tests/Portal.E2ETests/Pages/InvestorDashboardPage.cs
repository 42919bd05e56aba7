using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/" for an investor: the dashboard with their name, account and tier.</summary>
public sealed class InvestorDashboardPage(IPage page)
{
    public ILocator TierHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Your client tier", Level = 2 });

    public ILocator Welcome(string name) => page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {name}", Level = 1 });

    /// <summary>The value-axis labels of the 24-month chart.</summary>
    public ILocator HistoryAxisLabels => page.Locator(".mud-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Value over 24 months" }) })
        .Locator("svg .portal-chart-y-axis text");

    /// <summary>The table of the "Recent transactions" card.</summary>
    public ILocator RecentTransactions => page.Locator(".mud-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Recent transactions" }) })
        .GetByRole(AriaRole.Table);

    /// <summary>
    /// For each row of the recent transactions, the column names shown before the values when the cells stand one under
    /// the other, each as wide as the row (as on a phone); "" for a cell that does not, or shows no name.
    /// </summary>
    public Task<string[][]> StackedCellLabelsAsync() => RecentTransactions.EvaluateAsync<string[][]>(
        """
        table => [...table.tBodies[0].rows].map(row => [...row.cells].map(cell => {
            const label = getComputedStyle(cell, '::before').content;
            const stacked = Math.abs(cell.getBoundingClientRect().width - row.getBoundingClientRect().width) < 1;
            return stacked && label.startsWith('"') ? JSON.parse(label) : '';
        }))
        """);

    public ILocator Tier(string tier) => page.GetByRole(AriaRole.Main).GetByText(tier, new() { Exact = true });
}
