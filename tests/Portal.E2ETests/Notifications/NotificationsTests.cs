using System.Globalization;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Notifications;

/// <summary>Notification settings as an investor changes them, and the inbox and bell following a month-end live.</summary>
public sealed class NotificationsTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task An_investor_changes_their_notification_settings_and_a_required_topic_keeps_its_last_channel()
    {
        await SignInAsync(DemoAccounts.SilverInvestor);
        await Page.GotoAsync("/settings/notifications");
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        var marketByEmail = Channel("Market notices", "E-mail");
        var securityByEmail = Channel("Security", "E-mail");
        var securityInInbox = Channel("Security", "Portal inbox");

        await Expect(marketByEmail).Not.ToBeCheckedAsync();
        await marketByEmail.ClickAsync();
        await Expect(marketByEmail).ToBeCheckedAsync();
        await securityByEmail.ClickAsync();
        await Expect(securityByEmail).Not.ToBeCheckedAsync();
        await Expect(securityInInbox).ToBeDisabledAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Security" }))
            .ToContainTextAsync("rule book requires us to send these, so at least one channel stays on");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("Your notification settings are saved.")).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await Expect(marketByEmail).ToBeCheckedAsync();
        await Expect(securityByEmail).Not.ToBeCheckedAsync();
        await Expect(securityInInbox).ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_month_end_puts_statement_ready_in_the_open_inbox_and_the_bell_counts_it_without_a_reload()
    {
        // An earlier month than the one the month-end test closes: its statements exist, but no one was told yet.
        var month = StatementPages.LastClosedMonth.AddMonths(-1);
        var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await SignInAsync(DemoAccounts.GoldInvestor);
        await Page.GotoAsync("/inbox");
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        var bell = Page.GetByTestId("inbox-bell");
        // This browser is new to the account: wait for that notice first, so the count below is the one before the month-end.
        await Expect(Page.GetByTestId("inbox-item").Filter(new() { HasText = "New sign-in to your account" }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var before = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0", CultureInfo.InvariantCulture);

        var admin = await OpenAnotherBrowserAsync();
        await SignInAsync(admin, DemoAccounts.Admin);
        var imports = await new ImportsPage(admin).OpenAsync();
        await new ShellPage(admin).WaitUntilInteractiveAsync();
        await admin.GetByLabel("Month", new() { Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = StatementPages.MonthName(month), Exact = true }).ClickAsync();
        await imports.RunMonthEnd.ClickAsync();
        await imports.ConfirmRun.ClickAsync();
        await Expect(imports.MonthEndStatus).ToContainTextAsync(ImportsPage.Finished, new() { Timeout = 60_000 });

        var item = Page.GetByTestId("inbox-item").Filter(new() { HasText = $"Your statement for {key} is ready" });
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(item).ToHaveAttributeAsync("data-read", "false");
        await Expect(bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString(CultureInfo.InvariantCulture));

        await item.GetByRole(AriaRole.Button, new() { Name = $"Mark read: Your statement for {key} is ready" }).ClickAsync();
        await Expect(bell).ToHaveAttributeAsync("data-unread", before.ToString(CultureInfo.InvariantCulture));
    }

    private ILocator Channel(string topic, string channel) =>
        Page.GetByRole(AriaRole.Checkbox, new() { Name = $"{topic} by {channel}", Exact = true });
}
