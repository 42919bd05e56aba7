using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>/Account/Login: a statically rendered form that posts back, so no circuit is needed to use it.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/Account/Login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 });

    public ILocator Email => page.GetByLabel("E-mail");

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    public async Task<LoginPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    /// <summary>Fills in the form, sends it, and waits until the app has taken the browser elsewhere.</summary>
    public async Task SignInAsync(string email, string password = DemoAccounts.Password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith(Path, StringComparison.OrdinalIgnoreCase));
    }
}
