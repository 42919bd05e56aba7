using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Booking;

/// <summary>The booking rules an admin keeps on /admin/settings: a limit out of range is refused with the field named, a good one is kept.</summary>
public sealed class BookingSettingsTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task An_admin_is_refused_a_gold_limit_out_of_range_and_saves_a_good_limit_and_cut_off_that_are_there_after_a_reload()
    {
        await SignInAsync(DemoAccounts.Admin);
        var settings = await new AdminSettingsPage(Page).OpenAsync();
        var rules = Page.GetByTestId("booking-rules-editor");
        var gold = rules.GetByLabel("Gold: bookings per month", new() { Exact = true });
        var cutOff = rules.GetByLabel("Cut-off before the start (hours)", new() { Exact = true });
        var save = rules.GetByRole(AriaRole.Button, new() { Name = "Save booking rules", Exact = true });
        await Expect(gold).ToHaveValueAsync("2");

        await gold.FillAsync("40");
        await gold.BlurAsync();
        await save.ClickAsync();
        await Expect(rules.GetByRole(AriaRole.Alert)).ToContainTextAsync("Gold: bookings per month: Enter a monthly limit from 0 to 31.");
        await Expect(rules.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Enter a monthly limit from 0 to 31.");
        await Page.ReloadAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(gold).ToHaveValueAsync("2");

        await gold.FillAsync("3");
        await gold.BlurAsync();
        await cutOff.FillAsync("24");
        await cutOff.BlurAsync();
        await save.ClickAsync();
        await Expect(settings.Snackbar("Booking rules saved.")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(gold).ToHaveValueAsync("3");
        await Expect(cutOff).ToHaveValueAsync("24");

        // Back to the defaults for the other browser tests on this app.
        await gold.FillAsync("2");
        await gold.BlurAsync();
        await cutOff.FillAsync("12");
        await cutOff.BlurAsync();
        await save.ClickAsync();
        await Expect(settings.Snackbar("Booking rules saved.")).ToBeVisibleAsync();
    }
}

/// <summary>The adviser's own booking rules on the Availability tab of /adviser: a value out of range is refused beside the field, good ones are kept.</summary>
public sealed class AdviserRulesTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_adviser_is_refused_a_daily_cap_of_zero_and_saves_notice_horizon_cap_and_buffers_that_are_there_after_a_reload()
    {
        await SignInAsync(DemoAccounts.Adviser);
        var pages = new BookingPages(Page);
        await pages.OpenAvailabilityAsync();
        var save = Page.GetByRole(AriaRole.Button, new() { Name = "Save availability", Exact = true });
        var fields = new[] { ("Minimum notice (hours)", "24", "48"), ("Booking horizon (days)", "30", "45"), ("At most per day", "6", "4"), ("Buffer before (minutes)", "10", "15"), ("Buffer after (minutes)", "10", "5") };
        await Expect(Page.GetByLabel("Minimum notice (hours)", new() { Exact = true })).ToHaveValueAsync("24");

        var cap = Page.GetByLabel("At most per day", new() { Exact = true });
        await cap.FillAsync("0");
        await cap.BlurAsync();
        await save.ClickAsync();
        await Expect(Page.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Enter a number from 1 to 20.");
        await Expect(Page.GetByText("Availability saved.")).ToHaveCountAsync(0);
        await pages.OpenAvailabilityAsync();
        await Expect(cap).ToHaveValueAsync("6");

        await FillAsync(fields.Select(f => (f.Item1, f.Item3)));
        await save.ClickAsync();
        await Expect(Page.GetByText("Availability saved.")).ToBeVisibleAsync();
        await pages.OpenAvailabilityAsync();
        foreach (var (label, _, changed) in fields)
        {
            await Expect(Page.GetByLabel(label, new() { Exact = true })).ToHaveValueAsync(changed);
        }

        // Back to the demo profile for the other browser tests on this app.
        await FillAsync(fields.Select(f => (f.Item1, f.Item2)));
        await save.ClickAsync();
        await Expect(Page.GetByText("Availability saved.")).ToBeVisibleAsync();
    }

    private async Task FillAsync(IEnumerable<(string Label, string Value)> values)
    {
        foreach (var (label, value) in values)
        {
            var field = Page.GetByLabel(label, new() { Exact = true });
            await field.FillAsync(value);
            await field.BlurAsync();
        }
    }
}
