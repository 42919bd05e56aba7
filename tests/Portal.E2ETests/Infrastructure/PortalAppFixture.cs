using Microsoft.Playwright;

namespace Portal.E2ETests.Infrastructure;

/// <summary>One running app and one Chromium for the whole test collection; each test gets its own browser context.</summary>
public sealed class PortalAppFixture : IAsyncLifetime
{
    // Debian's Chromium on a machine without internet: keep it from calling home and from flooding refused connections.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private PortalServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => Server.BaseAddress;

    private PortalServer Server => _server ?? throw new InvalidOperationException("The app is not started.");

    public async Task InitializeAsync()
    {
        // Check the browser first: it is the cheaper thing to find missing.
        var chromium = TestEnvironment.ChromiumPath();
        _server = await PortalServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh, signed-out browser context (own cookies and storage) in English. <paramref name="bypassCsp"/> lets a
    /// test add a script of its own (the JavaScript SignalR client), which the portal's policy refuses.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize viewport, bool bypassCsp = false)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport,
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalAppGroup : ICollectionFixture<PortalAppFixture>
{
    public const string Name = "Portal app in Chromium";
}
