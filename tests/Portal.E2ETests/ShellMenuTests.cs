using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>
/// The app bar's menus (the browser's popovers) and tooltips (CSS only): each opens, closes and says what it does as a
/// person expects, with the mouse and with the keyboard.
/// </summary>
public sealed class ShellMenuTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_account_menu_opens_from_its_button_closes_on_escape_and_outside_and_its_profile_link_closes_it()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var shell = new ShellPage(Page);
        await shell.WaitUntilInteractiveAsync();
        var menu = Page.Locator("#account-menu");
        await Expect(menu).ToBeHiddenAsync();

        await shell.AccountMenu.ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
        await Expect(menu).ToContainTextAsync(DemoAccounts.GoldInvestorName);
        await Page.Keyboard.PressAsync("Escape");
        await Expect(menu).ToBeHiddenAsync();

        await shell.AccountMenu.ClickAsync();
        await Expect(menu).ToBeVisibleAsync();
        await shell.MainHeading.ClickAsync();
        await Expect(menu).ToBeHiddenAsync();

        await shell.AccountMenu.ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "My profile" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/profile$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "My profile", Level = 1 })).ToBeVisibleAsync();
        await Expect(menu).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_language_menu_marks_the_language_in_use()
    {
        await Page.GotoAsync("/");
        var shell = new ShellPage(Page);
        await shell.WaitUntilInteractiveAsync();

        await shell.LanguageMenu.ClickAsync();

        var menu = Page.Locator("#language-menu");
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-current", "true");
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "简体中文" })).Not.ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task A_tooltip_names_an_app_bar_button_under_the_pointer_and_under_the_keyboards_focus()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var shell = new ShellPage(Page);
        await shell.WaitUntilInteractiveAsync();
        var bellTip = shell.AppBar.Locator(".portal-tip").Filter(new() { Has = Page.GetByTestId("inbox-bell") }).Locator(".portal-tip-text");
        await Expect(bellTip).ToBeHiddenAsync();

        await Page.GetByTestId("inbox-bell").HoverAsync();
        await Expect(bellTip).ToBeVisibleAsync();
        await Expect(bellTip).ToContainTextAsync("Inbox");

        await Page.Mouse.MoveAsync(600, 500);
        await Expect(bellTip).ToBeHiddenAsync();
        var theme = shell.AppBar.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" });
        await theme.FocusAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Page.Keyboard.PressAsync("Tab");
        var themeTip = shell.AppBar.Locator(".portal-tip").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }) }).Locator(".portal-tip-text");
        await Expect(themeTip).ToBeVisibleAsync();
        await Expect(themeTip).ToHaveTextAsync("Switch to dark theme");
    }
}
