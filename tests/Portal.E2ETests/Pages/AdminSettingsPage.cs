using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/admin/settings" as an admin sees it: the business calendar and the tier thresholds.</summary>
public sealed class AdminSettingsPage(IPage page)
{
    public const string Path = "/admin/settings";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 });

    /// <summary>The warning that the coming year has no holidays yet.</summary>
    public ILocator NoHolidaysWarning => page.GetByTestId("holidays-warning");

    public ILocator OpenOn(string day) => page.GetByLabel($"Open on {day}", new() { Exact = true });

    public ILocator Opens(string day) => page.GetByLabel($"{day} opens", new() { Exact = true });

    public ILocator Closes(string day) => page.GetByLabel($"{day} closes", new() { Exact = true });

    public ILocator Year => page.GetByLabel("Year", new() { Exact = true });

    /// <summary>The holidays and extra working days of the chosen year.</summary>
    public ILocator Days => page.GetByTestId("calendar-days");

    public ILocator Remove(string date, string name) => page.GetByRole(AriaRole.Button, new() { Name = $"Remove {date} {name}", Exact = true });

    public ILocator FirstDay => page.GetByLabel("First day", new() { Exact = true });

    public ILocator DayName => page.GetByLabel("Name", new() { Exact = true });

    public ILocator Add => page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true });

    public ILocator SaveCalendar => page.GetByRole(AriaRole.Button, new() { Name = "Save calendar", Exact = true });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Snackbar(string text) => page.GetByText(text, new() { Exact = true });

    public async Task<AdminSettingsPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        await new ShellPage(page).WaitUntilInteractiveAsync();
        return this;
    }

    /// <summary>Types a time or a date into an editable MudBlazor picker; it takes the text on Enter.</summary>
    public static async Task TypeAsync(ILocator picker, string text)
    {
        await picker.FillAsync(text);
        await picker.PressAsync("Enter");
    }

    public async Task ChooseYearAsync(int year)
    {
        await Year.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
    }
}
