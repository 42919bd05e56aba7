using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Admin;

/// <summary>An admin keeps the business calendar on /admin/settings: hours and holidays are saved and are there after a reload.</summary>
public sealed class SettingsTests(PortalAppFixture app) : BrowserTest(app)
{
    // The app's calendar zone is Asia/Shanghai; "next year" is the one after today there.
    private static readonly int NextYear = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year + 1;

    [Fact]
    public async Task AdminIsWarnedOfTheMissingYearThenEditsHoursAndAddsAHolidayThatAreThereAfterAReload()
    {
        await SignInAsync(DemoAccounts.Admin);
        var settings = await new AdminSettingsPage(Page).OpenAsync();
        await Expect(settings.NoHolidaysWarning).ToContainTextAsync($"no holidays for {NextYear}");

        await settings.OpenOn("Saturday").CheckAsync();
        await AdminSettingsPage.TypeAsync(settings.Closes("Saturday"), "12:00");
        await AdminSettingsPage.TypeAsync(settings.FirstDay, $"{NextYear}-01-01");
        await settings.DayName.FillAsync("元旦 New Year's Day");
        await settings.Add.ClickAsync();
        await Expect(settings.Days).ToContainTextAsync($"{NextYear}-01-01");
        await settings.SaveCalendar.ClickAsync();
        await Expect(settings.Snackbar("Business calendar saved. It applies at once.")).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(settings.OpenOn("Saturday")).ToBeCheckedAsync();
        await Expect(settings.Opens("Saturday")).ToHaveValueAsync("09:00");
        await Expect(settings.Closes("Saturday")).ToHaveValueAsync("12:00");
        await Expect(settings.NoHolidaysWarning).ToHaveCountAsync(0);
        await settings.ChooseYearAsync(NextYear);
        await Expect(settings.Days).ToContainTextAsync("元旦 New Year's Day");
    }
}

/// <summary>An admin keeps the chat desk's rules on /admin/settings: a rule that contradicts another is refused, a good one is kept.</summary>
public sealed class ChatSettingsTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task AnIdleCloseBeforeTheWarningIsRefusedAndALaterOneIsSavedAndThereAfterAReload()
    {
        await SignInAsync(DemoAccounts.Admin);
        var settings = await new AdminSettingsPage(Page).OpenAsync();
        var idleClose = Page.GetByLabel("Close an idle chat (minutes)", new() { Exact = true });
        var save = Page.GetByRole(AriaRole.Button, new() { Name = "Save chat settings", Exact = true });

        await idleClose.FillAsync("4");
        await idleClose.BlurAsync();
        await save.ClickAsync();
        await Expect(Page.GetByText("Close an idle chat (minutes): must be more than the idle warning (5 min)")).ToBeVisibleAsync();

        await idleClose.FillAsync("12");
        await idleClose.BlurAsync();
        await save.ClickAsync();
        await Expect(settings.Snackbar("Chat settings saved.")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(idleClose).ToHaveValueAsync("12");

        // Back to the default for the other browser tests on this app.
        await idleClose.FillAsync("10");
        await idleClose.BlurAsync();
        await save.ClickAsync();
        await Expect(settings.Snackbar("Chat settings saved.")).ToBeVisibleAsync();
    }
}

/// <summary>The settings page on a phone: nothing sticks out sideways, and removing a day asks first.</summary>
public sealed class SettingsOnAPhoneTests(PortalAppFixture app) : BrowserTest(app)
{
    protected override ViewportSize Viewport => Phone;

    [Fact]
    public async Task TheCalendarFitsThePhoneAndRemovingADayAsksFirst()
    {
        await SignInAsync(DemoAccounts.Admin);
        var settings = await new AdminSettingsPage(Page).OpenAsync();
        await settings.ChooseYearAsync(2026);
        var nationalDay = settings.Remove("2026-10-01", "国庆节 National Day");

        await nationalDay.ClickAsync();
        await Expect(settings.Dialog).ToContainTextAsync("Remove 2026-10-01 (国庆节 National Day) from the calendar?");
        await settings.Dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Expect(settings.Dialog).ToHaveCountAsync(0);
        await Expect(nationalDay).ToBeVisibleAsync();
        await Expect(settings.SaveCalendar).ToBeVisibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The settings page scrolls sideways on a phone.");
    }
}
