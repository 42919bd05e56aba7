using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/admin/imports" as an admin sees it; here only its month-end panel.</summary>
public sealed partial class ImportsPage(IPage page)
{
    public const string Path = "/admin/imports";

    public ILocator MonthEndHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Month-end", Level = 2 });

    public ILocator RunMonthEnd => page.GetByRole(AriaRole.Button, new() { Name = "Run month-end", Exact = true }).First;

    /// <summary>The confirmation's own "Run month-end" button.</summary>
    public ILocator ConfirmRun => page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Run month-end", Exact = true });

    /// <summary>Where the panel says how the chosen month's month-end stands.</summary>
    public ILocator MonthEndStatus => page.GetByTestId("monthend-status");

    public static Regex Finished => FinishedText();

    public async Task<ImportsPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    [GeneratedRegex(@"Finished: [\d,]+ investors, [\d,]+ tier changes\.")]
    private static partial Regex FinishedText();
}
