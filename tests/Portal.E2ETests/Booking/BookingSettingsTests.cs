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

        await BookingPages.TypeAsync(gold, "40");
        await save.ClickAsync();
        await Expect(rules.GetByRole(AriaRole.Alert)).ToContainTextAsync("Gold: bookings per month: Enter a monthly limit from 0 to 31.");
        await Expect(rules.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Enter a monthly limit from 0 to 31.");
        await Page.ReloadAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(gold).ToHaveValueAsync("2");

        await SaveAsync("3", "24");
        await Page.ReloadAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(gold).ToHaveValueAsync("3");
        await Expect(cutOff).ToHaveValueAsync("24");

        // Back to the defaults for the other browser tests on this app.
        await SaveAsync("2", "12");

        async Task SaveAsync(string goldLimit, string cutOffHours)
        {
            await BookingPages.TypeAsync(gold, goldLimit);
            await BookingPages.TypeAsync(cutOff, cutOffHours);
            await save.ClickAsync();
            await Expect(settings.Snackbar("Booking rules saved.")).ToBeVisibleAsync();
        }
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
        await BookingPages.TypeAsync(cap, "0");
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
            await BookingPages.TypeAsync(Page.GetByLabel(label, new() { Exact = true }), value);
        }
    }
}

/// <summary>The adviser's weekly hours (a Mon–Sun grid) and extra hours take 24-hour HH:mm times in both languages, checked beside the field.</summary>
public sealed class AdviserHoursTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_adviser_adds_saturday_hours_in_24_hour_time_is_told_when_the_end_is_not_after_the_start_and_sees_them_in_chinese_after_a_reload()
    {
        await SignInAsync(DemoAccounts.Adviser);
        var pages = new BookingPages(Page);
        await pages.OpenAvailabilityAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/adviser/availability$"));
        await Expect(new ShellPage(Page).NavLink("My clients")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));
        var monday = Page.GetByTestId("hours-Monday");
        var saturday = Page.GetByTestId("hours-Saturday");
        await Expect(monday.GetByText("Monday", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(monday.GetByLabel("From", new() { Exact = true })).ToHaveCountAsync(2);
        await Expect(monday.GetByLabel("To", new() { Exact = true }).Last).ToHaveValueAsync("17:30");
        await Expect(saturday).ToContainTextAsync("Not bookable");

        await saturday.GetByRole(AriaRole.Button, new() { Name = "Add hours on Saturday" }).ClickAsync();
        var from = saturday.GetByLabel("From", new() { Exact = true });
        var to = saturday.GetByLabel("To", new() { Exact = true });
        await Expect(from).ToHaveAttributeAsync("type", "text");
        await Expect(from).ToHaveValueAsync("09:00");
        await BookingPages.TypeAsync(from, "9am");
        await BookingPages.TypeAsync(to, "08:30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save availability", Exact = true }).ClickAsync();
        await Expect(saturday.GetByText("Enter a time like 09:00.")).ToBeVisibleAsync();
        await BookingPages.TypeAsync(from, "9:30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save availability", Exact = true }).ClickAsync();
        await Expect(saturday.GetByText("The end must be after the start.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Availability saved.")).ToHaveCountAsync(0);

        await BookingPages.TypeAsync(to, "13:00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save availability", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("Availability saved.")).ToBeVisibleAsync();

        // In Chinese the same times read the same way, and extra hours on a date are checked alike.
        await new ShellPage(Page).ChooseLanguageAsync(Language.SimplifiedChinese);
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Tab, new() { Name = "可约时间", Selected = true })).ToBeVisibleAsync();
        await Expect(saturday.GetByText("星期六", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(saturday.GetByLabel("开始", new() { Exact = true })).ToHaveValueAsync("09:30");
        await Expect(saturday.GetByLabel("结束", new() { Exact = true })).ToHaveValueAsync("13:00");
        await Page.ScreenshotAsync(new() { Path = Chat.ChatScreenshots.PathOf("booking-adviser-hours-zh-1280.png"), FullPage = true });

        var date = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Page.GetByLabel("日期", new() { Exact = true }).FillAsync(date);
        await Page.GetByRole(AriaRole.Switch, new() { Name = "全天休息" }).ClickAsync();
        var exceptions = Page.GetByTestId("exception-form");
        await BookingPages.TypeAsync(exceptions.GetByLabel("开始", new() { Exact = true }), "18:00");
        await BookingPages.TypeAsync(exceptions.GetByLabel("结束", new() { Exact = true }), "17:00");
        await exceptions.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Expect(exceptions.GetByText("结束时间须晚于开始时间。")).ToBeVisibleAsync();
        await BookingPages.TypeAsync(exceptions.GetByLabel("结束", new() { Exact = true }), "20:00");
        await exceptions.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("exceptions")).ToContainTextAsync("加班时段 18:00–20:00");

        // Back to the demo profile for the other browser tests on this app.
        await Page.GetByTestId("exceptions").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("18:00–20:00") }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "删除", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("exceptions")).ToHaveCountAsync(0);
        await saturday.GetByRole(AriaRole.Button, new() { Name = "删除 周六 09:30–13:00" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存可约时间", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("可约时间已保存。")).ToBeVisibleAsync();
        await Expect(saturday).ToContainTextAsync("不可预约");
    }
}
