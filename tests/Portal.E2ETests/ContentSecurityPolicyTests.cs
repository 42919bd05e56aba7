using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>The portal runs under its Content-Security-Policy (no inline script) without the browser refusing anything.</summary>
public sealed partial class ContentSecurityPolicyTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task AnInvestorSignsInOpensAStatementAndSwitchesLanguageWithoutAnyViolation()
    {
        var violations = new List<string>();
        var sockets = new List<string>();
        // Chromium reports a refused resource on the console; the event catches what it might not.
        await Page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));");
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        Page.WebSocket += (_, socket) =>
        {
            lock (sockets)
            {
                sockets.Add(socket.Url);
            }
        };

        var response = await Page.GotoAsync(LoginPage.Path);
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await new LoginPage(Page).SignInAsync(DemoAccounts.GoldInvestor);
        var shell = new ShellPage(Page);
        await shell.WaitUntilInteractiveAsync();
        await Expect(new InvestorDashboardPage(Page).TierHeading).ToBeVisibleAsync();

        await shell.NavLink("Statements").ClickAsync();
        var statements = new StatementPages(Page);
        var month = StatementPages.LastClosedMonth;
        await statements.OpenMonth(month).ClickAsync();
        await Expect(statements.StatementHeading(month)).ToBeVisibleAsync();
        // Times read the same in both languages: 2026-12-02 06:02, not 12/2/2026 6:02 AM.
        await Expect(Page.GetByRole(AriaRole.Main).Locator("time").First).ToHaveTextAsync(DateTimeForm());

        await shell.ChooseLanguageAsync(Language.SimplifiedChinese);
        await shell.WaitUntilInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Main).Locator("time").First).ToHaveTextAsync(DateTimeForm());

        lock (violations)
        {
            Assert.Empty(violations);
        }

        lock (sockets)
        {
            // The circuit ran over its WebSocket: connect-src 'self' lets the same origin's ws: through.
            Assert.Contains(sockets, url => url.StartsWith("ws://", StringComparison.Ordinal) && url.Contains("/_blazor", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")]
    private static partial Regex DateTimeForm();
}
