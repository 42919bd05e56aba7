using System.Globalization;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Cases;

/// <summary>The staff-only parts of cases: a supervisor's points offset and phone scripts, an admin's time limits (issue 10).</summary>
public sealed class CaseStaffPagesTests(PortalAppFixture app) : BrowserTest(app)
{
    private const string SupervisorName = "刘洋";

    [Fact]
    public async Task A_supervisor_offsets_an_agents_points_in_the_month_on_screen_and_the_agent_sees_it_on_their_own_panel()
    {
        // Last month: closed, and no other test adds points to it.
        var month = Month(-1);
        var agentPage = await OpenAnotherBrowserAsync();
        await SignInAsync(DemoAccounts.Supervisor);
        await SignInAsync(agentPage, DemoAccounts.Agent);
        try
        {
            await Page.GotoAsync("/supervisor");
            await new ShellPage(Page).WaitUntilInteractiveAsync();
            var points = new SupervisorPointsPart(Page);
            await points.ChooseMonthAsync(month);
            await Expect(points.Totals.Locator("caption")).ToHaveTextAsync($"Totals for {month}");
            var before = double.Parse(await points.TotalOf(DemoAccounts.AgentName).InnerTextAsync(), CultureInfo.GetCultureInfo("en-US"));

            // A reason is required; the dialog says which month the points come off.
            var dialog = await points.OffsetAsync(DemoAccounts.AgentName, "1.5", "");
            await Expect(dialog).ToContainTextAsync($"The points come off the total for {month}.");
            await Expect(dialog.GetByText("This is required.")).ToBeVisibleAsync();
            await dialog.GetByLabel("Reason").FillAsync("Calmed an upset caller and kept the client");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Offset", Exact = true }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            var after = (before - 1.5).ToString("+0.0;-0.0;0.0", CultureInfo.GetCultureInfo("en-US"));
            await Expect(Page.GetByText($"Points offset for {DemoAccounts.AgentName}.")).ToBeVisibleAsync();
            await Expect(points.TotalOf(DemoAccounts.AgentName)).ToHaveTextAsync(after);
            await Expect(points.Section).ToContainTextAsync($"Offset by {SupervisorName}: Calmed an upset caller and kept the client");
            await Page.ScreenshotAsync(new() { Path = "/tmp/cases-supervisor-points-1280.png", FullPage = true });

            // The agent finds it in the same month on their own panel under the desk.
            await new DeskPages(agentPage).OpenListAsync();
            var mine = new MyPointsPart(agentPage);
            await mine.OpenAsync(month);
            await Expect(agentPage.GetByText($"Offset by {SupervisorName}: Calmed an upset caller and kept the client")).ToBeVisibleAsync();
            await Expect(mine.Total).ToContainTextAsync($"Total {after} points");
        }
        catch
        {
            await Page.ScreenshotAsync(new() { Path = "/tmp/cases-points-supervisor.png", FullPage = true });
            await agentPage.ScreenshotAsync(new() { Path = "/tmp/cases-points-agent.png", FullPage = true });
            throw;
        }
    }

    [Fact]
    public async Task A_supervisor_edits_a_phone_script_and_the_agent_reads_the_new_text_beside_the_call_form()
    {
        const string closing = "Thank you for calling Portal. Is there anything else I can help with today? Goodbye.";
        var agentPage = await OpenAnotherBrowserAsync();
        await SignInAsync(DemoAccounts.Supervisor);
        await SignInAsync(agentPage, DemoAccounts.Agent);
        try
        {
            await Page.GotoAsync("/agent/calls/new");
            await new ShellPage(Page).WaitUntilInteractiveAsync();
            var scripts = new PhoneScriptsPart(Page);
            await scripts.OpenAsync("Closing");
            await scripts.Edit("Closing").ClickAsync();
            var dialog = Page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("Language: en");
            var text = dialog.GetByLabel("Script", new() { Exact = true });
            await text.FillAsync(" ");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save script" }).ClickAsync();
            await Expect(dialog.GetByText("This is required.")).ToBeVisibleAsync();
            await text.FillAsync(closing);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save script" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(await scripts.OpenAsync("Closing")).ToHaveTextAsync(closing);

            await agentPage.GotoAsync("/agent/calls/new");
            await new ShellPage(agentPage).WaitUntilInteractiveAsync();
            var agentScripts = new PhoneScriptsPart(agentPage);
            await Expect(await agentScripts.OpenAsync("Closing")).ToHaveTextAsync(closing);
            await Expect(agentScripts.Edit("Closing")).ToHaveCountAsync(0);
        }
        catch
        {
            await Page.ScreenshotAsync(new() { Path = "/tmp/cases-scripts-supervisor.png", FullPage = true });
            await agentPage.ScreenshotAsync(new() { Path = "/tmp/cases-scripts-agent.png", FullPage = true });
            throw;
        }
    }

    [Fact]
    public async Task An_admin_is_told_what_is_wrong_with_a_time_limit_nothing_is_saved_and_a_good_limit_is_there_after_a_reload()
    {
        await SignInAsync(DemoAccounts.Admin);
        var settings = await new AdminSettingsPage(Page).OpenAsync();
        var limits = new CaseLimitsPart(Page);
        var closing = limits.Amount("Account closing", "Standard");
        try
        {
            await Expect(closing).ToHaveValueAsync("1");
            await closing.FillAsync("31");
            await closing.BlurAsync();
            await Expect(limits.Editor.GetByText("Must be between 1 and 30 working days.", new() { Exact = true })).ToBeVisibleAsync();
            await limits.Save.ClickAsync();
            await Expect(limits.Editor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved.");
            await Expect(limits.Editor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Account closing (Standard): Must be between 1 and 30 working days.");
            await Page.ReloadAsync();
            await new ShellPage(Page).WaitUntilInteractiveAsync();
            await Expect(closing).ToHaveValueAsync("1");

            await closing.FillAsync("2");
            await closing.BlurAsync();
            await limits.Save.ClickAsync();
            await Expect(settings.Snackbar("Case time limits saved.")).ToBeVisibleAsync();
            await Page.ReloadAsync();
            await new ShellPage(Page).WaitUntilInteractiveAsync();
            await Expect(closing).ToHaveValueAsync("2");
        }
        finally
        {
            // Back to the default for the other browser tests on this app.
            if (await closing.InputValueAsync() != "1")
            {
                await closing.FillAsync("1");
                await closing.BlurAsync();
                await limits.Save.ClickAsync();
                await Expect(settings.Snackbar("Case time limits saved.")).ToBeVisibleAsync();
            }
        }
    }

    /// <summary>A month as the points views name it ("2026-11"): this one (0) or one before it, in the app's time zone.</summary>
    private static string Month(int offset)
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        return new DateTime(today.Year, today.Month, 1).AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }
}
