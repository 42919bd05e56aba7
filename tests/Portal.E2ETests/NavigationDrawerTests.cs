using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>
/// The navigation drawer on a desktop (1280 × 800): open beside the content from the start; the menu button hides it, the
/// content then takes the whole width, and shows it again.
/// </summary>
public sealed class NavigationDrawerTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_menu_button_hides_the_drawer_and_the_content_takes_its_place_then_shows_it_again()
    {
        await Page.GotoAsync("/learn");
        var shell = new ShellPage(Page);
        var content = Page.Locator("#main-content");
        await Expect(shell.Navigation).ToBeInViewportAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "240px");
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");

        await shell.MenuButton.ClickAsync();

        await Expect(shell.Navigation).Not.ToBeInViewportAsync();
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(shell.NavLink("FAQ")).ToBeHiddenAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "0px");

        await shell.MenuButton.ClickAsync();

        await Expect(shell.Navigation).ToBeInViewportAsync();
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await shell.NavLink("FAQ").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/faq$"));
        await Expect(shell.Navigation).ToBeInViewportAsync();
    }
}
