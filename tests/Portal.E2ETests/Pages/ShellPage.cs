using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>The frame around every interactive page: app bar, navigation drawer, language and account menus.</summary>
public sealed partial class ShellPage(IPage page)
{
    public ILocator AppBar => page.GetByRole(AriaRole.Banner);

    public ILocator MenuButton => AppBar.GetByRole(AriaRole.Button, new() { Name = "Show or hide the navigation" });

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { NameRegex = NavigationName() });

    /// <summary>The language menu, named in whichever language the page is in.</summary>
    public ILocator LanguageMenu => AppBar.GetByRole(AriaRole.Button, new() { NameRegex = LanguageMenuName() });

    public ILocator AccountMenu => AppBar.GetByRole(AriaRole.Button, new() { Name = "Account menu" });

    public ILocator SignInButton => AppBar.GetByRole(AriaRole.Link, new() { Name = "Sign in" });

    public ILocator MainHeading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>
    /// Waits until the Blazor circuit has taken over the prerendered page: clicks on its controls before that are
    /// lost. The layout marks the app bar <c>data-live</c> only when it renders in the circuit, never in the
    /// prerendered HTML.
    /// </summary>
    public async Task WaitUntilInteractiveAsync() =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('header[data-live]') !== null");

    /// <summary>The document's language, as the server rendered it.</summary>
    public ILocator Document => page.Locator("html");

    /// <summary>Picks a language from the app bar; the server remembers it in a cookie and reloads the page in it.</summary>
    public async Task ChooseLanguageAsync(Language language)
    {
        await WaitUntilInteractiveAsync();
        await LanguageMenu.ClickAsync();
        await page.Locator("#language-menu").GetByRole(AriaRole.Button, new() { Name = language.NativeName }).ClickAsync();
        await Assertions.Expect(Document).ToHaveAttributeAsync("lang", language.Tag);
    }

    /// <summary>Signs out from the account menu and waits until the page shows the signed-out app bar.</summary>
    public async Task SignOutAsync()
    {
        await WaitUntilInteractiveAsync();
        await AccountMenu.ClickAsync();
        await page.Locator("#account-menu").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(SignInButton).ToBeVisibleAsync();
    }

    // The app bar speaks the page's language; these two are found in English and in Chinese.
    [GeneratedRegex("^(Language|语言)$")]
    private static partial Regex LanguageMenuName();

    [GeneratedRegex("^(Main navigation|主导航)$")]
    private static partial Regex NavigationName();

    public async Task OpenNavigationAsync()
    {
        await WaitUntilInteractiveAsync();
        await MenuButton.ClickAsync();
    }
}

/// <summary>A language the app offers, as its menu names it and as the page's lang attribute tags it.</summary>
public sealed record Language(string NativeName, string Tag)
{
    public static readonly Language English = new("English", "en");
    public static readonly Language SimplifiedChinese = new("简体中文", "zh-Hans");
}
