using Microsoft.Playwright;
using Portal.E2ETests.Pages;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// A test that drives a page in its own browser context, opened before and closed after the test. A test
/// about two people at once (a client and an agent) opens a second browser with <see cref="OpenAnotherBrowserAsync"/>.
/// </summary>
[Collection(PortalAppGroup.Name)]
public abstract class BrowserTest(PortalAppFixture app) : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly List<IBrowserContext> _contexts = [];
    private IPage? _page;

    static BrowserTest() => Assertions.SetDefaultExpectTimeout(15_000);

    protected PortalAppFixture App { get; } = app;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is opened in InitializeAsync.");

    /// <summary>The window size this test's browser uses.</summary>
    protected virtual ViewportSize Viewport => Desktop;

    /// <summary>Signs in through the real login page, for tests about what comes after.</summary>
    protected static async Task SignInAsync(IPage page, string email)
    {
        var login = await new LoginPage(page).OpenAsync();
        await login.SignInAsync(email);
    }

    protected Task SignInAsync(string email) => SignInAsync(Page, email);

    /// <summary>A page in a second, separate browser (own cookies), closed with the test.</summary>
    protected async Task<IPage> OpenAnotherBrowserAsync(ViewportSize? viewport = null)
    {
        var context = await App.NewContextAsync(viewport ?? Viewport);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async Task InitializeAsync() => _page = await OpenAnotherBrowserAsync();

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
