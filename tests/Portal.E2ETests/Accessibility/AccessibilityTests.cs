using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Accessibility;

/// <summary>
/// Every route of <see cref="AccessibilityRoutes"/>, signed in as its owner, in English and in Chinese (and the
/// dark theme where the table says so), has no critical or serious WCAG 2.1 A/AA finding. One test per role
/// visits its pages in sequence in one browser context per language and reports everything it found at once.
/// </summary>
public sealed class AccessibilityTests(PortalAppFixture app, ITestOutputHelper output) : BrowserTest(app)
{
    private static readonly Language[] Languages = [Language.English, Language.SimplifiedChinese];

    public static TheoryData<string> Visitors => new(AccessibilityRoutes.Visitors.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_of_the_role_has_no_critical_or_serious_accessibility_finding_in_either_language(string visitor)
    {
        var who = AccessibilityRoutes.Visitors.Single(v => v.Name == visitor);
        var blocking = new List<string>();
        foreach (var language in Languages)
        {
            var page = language == Language.English ? Page : await OpenAnotherBrowserAsync();
            if (who.Email is { } email)
            {
                await SignInAsync(page, email);
            }

            // The language menu's own address: it sets the culture cookie the app reads on every request.
            await page.GotoAsync($"/culture/{language.Tag}?returnUrl=/");

            foreach (var listed in AccessibilityRoutes.All.Where(r => r.Visitor == who))
            {
                var route = await ResolveAsync(page, listed);
                await CheckAsync(page, route, language, dark: false, blocking);
                if (route.Dark)
                {
                    await SetThemeAsync(page, dark: true);
                    await CheckAsync(page, route, language, dark: true, blocking);
                    await SetThemeAsync(page, dark: false);
                }
            }
        }

        Assert.True(blocking.Count == 0, $"Critical or serious accessibility findings:\n{string.Join('\n', blocking)}");
    }

    private async Task CheckAsync(IPage page, AccessibilityRoute route, Language language, bool dark, List<string> blocking)
    {
        var where = $"{route.Visitor} {language.Tag} {(dark ? "dark" : "light")} {route.Path}";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await page.GotoAsync(route.Path);
        Assert.True(response?.Status == route.Status, $"{where}: expected status {route.Status}, got {response?.Status} at {page.Url}");
        Assert.Equal(route.Path, new Uri(page.Url).PathAndQuery);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language.Tag);
        var unsettled = await AccessibilityScan.WaitUntilSettledAsync(page, interactive: !route.Static);

        var findings = (await AccessibilityScan.RunAsync(page)).ToList();
        if (unsettled is not null)
        {
            findings.Insert(0, unsettled);
        }

        var serious = findings.Where(f => f.Blocks).ToList();
        output.WriteLine($"{where}: {serious.Sum(f => f.Targets.Count)} critical/serious " +
            $"[{string.Join(", ", serious.Select(f => $"{f.Rule} x{f.Targets.Count}"))}]" +
            $"; other: [{string.Join(", ", findings.Where(f => !f.Blocks).Select(f => $"{f.Rule} ({f.Impact}) x{f.Targets.Count}"))}]" +
            $" in {clock.ElapsedMilliseconds} ms");
        foreach (var finding in serious)
        {
            blocking.Add($"{where}: {finding.Rule} ({finding.Impact}) {finding.Help}");
            blocking.AddRange(finding.Targets.Select(target => $"    {target}"));
        }
    }

    /// <summary>A route whose address comes from the demo data: the first matching link on its list page.</summary>
    private static async Task<AccessibilityRoute> ResolveAsync(IPage page, AccessibilityRoute route)
    {
        if (route.LinkFrom is not { } list)
        {
            return route;
        }

        await page.GotoAsync(list);
        // The first link the reader can see: a list may carry the same links twice for the phone and the desktop.
        var link = page.Locator($"a[href^='{route.Path}']:visible").First;
        await Expect(link).ToBeVisibleAsync();
        return route with { Path = await link.GetAttributeAsync("href") ?? route.Path, LinkFrom = null };
    }

    private Task SetThemeAsync(IPage page, bool dark) =>
        page.Context.AddCookiesAsync([new Cookie { Name = "portal.theme", Value = dark ? "dark" : "light", Url = App.BaseAddress.ToString() }]);
}
