using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2ETests.Booking;

/// <summary>The booking pages as a user sees them: /advisers, /appointments, /adviser.</summary>
public sealed partial class BookingPages(IPage page)
{
    public IPage Page { get; } = page;

    public static ILocator SlotButtons(ILocator within) => within.GetByRole(AriaRole.Button, new() { NameRegex = SlotName() });

    public ILocator Appointment(string reference) => Page.Locator("[data-testid=appointment]").Filter(new() { HasText = reference });

    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator(".mud-progress-linear").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Types into a field and leaves it, as a user does before pressing Save (MudBlazor takes the value on change).</summary>
    public static async Task TypeAsync(ILocator field, string text)
    {
        await field.FillAsync(text);
        await field.BlurAsync();
    }

    /// <summary>Opens the adviser desk on its Availability tab.</summary>
    public async Task OpenAvailabilityAsync()
    {
        await OpenAsync("/adviser");
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Availability" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "When clients can book you" }).WaitForAsync();
    }

    /// <summary>
    /// Steps the adviser's schedule forward to the week that starts on <paramref name="monday"/>, waiting after each
    /// "Next" until the range shown has changed (the week comes from the server; reading the range before it has
    /// would step past the week).
    /// </summary>
    public async Task ShowWeekAsync(DateTime monday)
    {
        var range = Page.Locator("[data-testid=schedule-range]");
        var start = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < 6; i++)
        {
            var shown = await range.InnerTextAsync();
            if (shown.StartsWith(start, StringComparison.Ordinal))
            {
                return;
            }

            await Page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await Assertions.Expect(range).Not.ToHaveTextAsync(shown);
        }

        await Assertions.Expect(range).ToHaveTextAsync(new Regex("^" + start));
    }

    /// <summary>The instant a slot button stands for, from its accessible name ("Book 2026-12-03 10:00").</summary>
    public static DateTime SlotTime(string name)
    {
        var match = SlotName().Match(name);
        return DateTime.ParseExact(match.Groups[1].Value + " " + match.Groups[2].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^Book (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$")]
    private static partial Regex SlotName();
}
