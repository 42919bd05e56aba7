using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>When the circuit is lost, a centered dialog says what is happening now, one message at a time.</summary>
public sealed partial class ReconnectTests(PortalAppFixture app) : BrowserTest(app)
{
    private const string Negotiate = "**/_blazor/negotiate**";

    [Fact]
    public async Task LosingTheConnectionShowsOneCenteredMessageThatGoesAwayWhenTheServerIsBack()
    {
        await Page.GotoAsync("/");
        var shell = new ShellPage(Page);
        await shell.WaitUntilInteractiveAsync();
        var dialog = Page.Locator("#components-reconnect-modal");

        // Cut the circuit and keep every reconnection attempt from reaching the server.
        await Page.RouteAsync(Negotiate, route => route.AbortAsync());
        await Page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToHaveClassAsync(Retrying(), new() { Timeout = 30_000 });
        var shown = dialog.Locator("p:visible");
        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown).ToHaveTextAsync("Still trying to reconnect…");
        var box = await dialog.BoundingBoxAsync() ?? throw new InvalidOperationException("The dialog has no box.");
        Assert.InRange(box.X + (box.Width / 2), (Desktop.Width / 2) - 2, (Desktop.Width / 2) + 2);
        Assert.InRange(box.Y + (box.Height / 2), (Desktop.Height / 2) - 2, (Desktop.Height / 2) + 2);

        await Page.UnrouteAsync(Negotiate);

        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 45_000 });
        await shell.ChooseLanguageAsync(Language.SimplifiedChinese);
    }

    [GeneratedRegex("components-reconnect-retrying")]
    private static partial Regex Retrying();
}
