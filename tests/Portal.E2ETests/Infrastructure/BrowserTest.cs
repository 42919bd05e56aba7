using Microsoft.Playwright;

namespace Portal.E2ETests.Infrastructure;

/// <summary>A test that drives one page in its own browser context, opened before and closed after the test.</summary>
[Collection(PortalAppGroup.Name)]
public abstract class BrowserTest(PortalAppFixture app) : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IBrowserContext? _context;
    private IPage? _page;

    static BrowserTest() => Assertions.SetDefaultExpectTimeout(15_000);

    protected PortalAppFixture App { get; } = app;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is opened in InitializeAsync.");

    /// <summary>The window size this test's browser uses.</summary>
    protected virtual ViewportSize Viewport => Desktop;

    public async Task InitializeAsync()
    {
        _context = await App.NewContextAsync(Viewport);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
