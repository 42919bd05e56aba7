using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/admin/imports" as an admin sees it: the CSV import and the month-end panel.</summary>
public sealed partial class ImportsPage(IPage page)
{
    public const string Path = "/admin/imports";

    public ILocator Import => page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });

    /// <summary>The outcome line of the last import ("N rows: ...").</summary>
    public ILocator ImportResult => page.GetByText(ImportResultText());

    public ILocator ErrorsHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Rows with errors", Level = 3 });

    /// <summary>The row of the errors table whose reason contains the text.</summary>
    public ILocator ErrorRow(string reason) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = reason });

    public ILocator ChooseFile => page.GetByRole(AriaRole.Button, new() { Name = "Choose CSV file" });

    /// <summary>Picks a file for the import through the file chooser, as a user would, and waits until the page names it.</summary>
    public async Task ChooseFileAsync(string name, byte[] content)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => ChooseFile.ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await Assertions.Expect(page.GetByText($"Chosen: {name}")).ToBeVisibleAsync();
    }

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

    [GeneratedRegex(@"\d+ rows: \d+ imported")]
    private static partial Regex ImportResultText();

    [GeneratedRegex(@"Finished: [\d,]+ investors, [\d,]+ tier changes\.")]
    private static partial Regex FinishedText();
}
