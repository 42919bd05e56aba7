using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/admin/audit" as an admin sees it: filters, the CSV download, the chain check and the entries.</summary>
public sealed partial class AuditTrailPage(IPage page)
{
    public const string Path = "/admin/audit";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 });

    public ILocator ActionFilter => page.GetByLabel("Action", new() { Exact = true });

    public ILocator Verify => page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" });

    public ILocator DownloadCsv => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" });

    /// <summary>What the chain check reported.</summary>
    public ILocator Verification => page.GetByTestId("audit-verification");

    /// <summary>The entries' table rows (without its header).</summary>
    public ILocator Entries => page.GetByRole(AriaRole.Table).Locator("tbody tr");

    public static Regex Intact => IntactText();

    public async Task<AuditTrailPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        return this;
    }

    /// <summary>Picks an action from the filter's list, by the name the page shows for it.</summary>
    public async Task FilterByActionAsync(string action)
    {
        await ActionFilter.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = action, Exact = true }).ClickAsync();
    }

    /// <summary>An intact chain of one row or more.</summary>
    [GeneratedRegex(@"^(All [\d,]+ rows|The only row is) intact\.")]
    private static partial Regex IntactText();
}
