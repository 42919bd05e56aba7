using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>
/// The investor dashboard on a desktop (1280 × 800), photographed for the README. The picture goes to the
/// test output; with PORTAL_UPDATE_SCREENSHOTS=1 it also replaces docs/screenshots/investor-dashboard.png.
/// </summary>
public sealed class DashboardScreenshotTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task InvestorDashboardAtDesktopWidthShowsNavigationBesideTheContent()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var shell = new ShellPage(Page);
        var dashboard = new InvestorDashboardPage(Page);
        await Expect(dashboard.Welcome(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
        await shell.WaitUntilInteractiveAsync();
        // The live circuit takes over the prerendered dashboard without loading it again; photograph the live page.
        await Expect(dashboard.Welcome(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
        await Expect(dashboard.TierHeading).ToBeVisibleAsync();

        // On a desktop the drawer is open from the start, no menu button needed.
        await Expect(shell.Navigation).ToBeInViewportAsync();
        await Expect(shell.NavLink("Dashboard")).ToBeVisibleAsync();

        var png = await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "investor-dashboard.png"),
            Animations = ScreenshotAnimations.Disabled,
        });
        Assert.Equal((Desktop.Width, Desktop.Height), PngSize(png));

        if (Environment.GetEnvironmentVariable(TestEnvironment.ScreenshotsVariable) == "1")
        {
            var target = Path.Combine(TestEnvironment.RepositoryRoot().FullName, "docs", "screenshots", "investor-dashboard.png");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, png);
        }
    }

    // A PNG starts with its signature and the IHDR chunk: width and height are big-endian at bytes 16 and 20.
    private static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)),
         System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
