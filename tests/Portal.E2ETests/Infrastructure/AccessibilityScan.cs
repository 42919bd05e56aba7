using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portal.E2ETests.Infrastructure;

/// <summary>A problem found on a page: the rule, how bad (axe's impact), what to do, and the elements concerned.</summary>
public sealed record AccessibilityFinding(string Rule, string Impact, string Help, IReadOnlyList<string> Targets)
{
    /// <summary>Critical and serious findings fail a page; moderate and minor ones are reported only.</summary>
    public bool Blocks => Impact is "critical" or "serious";
}

/// <summary>
/// Checks the page as it stands against WCAG 2.1 A and AA with axe-core, plus two rules of our own that axe's
/// WCAG tags leave out: one h1 per page, and every data table has header cells.
/// </summary>
public static class AccessibilityScan
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private const string OwnRules =
        """
        () => {
            const shown = e => e.getClientRects().length > 0;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                [...e.classList].slice(0, 3).map(c => '.' + c).join('');
            const findings = [];
            const h1 = [...document.querySelectorAll('h1, [role=heading][aria-level="1"]')].filter(shown);
            if (h1.length !== 1)
                findings.push({ rule: 'one-h1', help: `A page has exactly one h1; this one has ${h1.length}`, targets: h1.map(describe) });
            const bare = [...document.querySelectorAll('table')].filter(t => shown(t) &&
                !['presentation', 'none'].includes(t.getAttribute('role')) &&
                !t.querySelector('th, [role=columnheader], [role=rowheader]'));
            if (bare.length)
                findings.push({ rule: 'table-headers', help: 'A data table has header cells', targets: bare.map(describe) });
            return findings;
        }
        """;

    /// <summary>
    /// Waits until the page is what a user would use: the Blazor circuit has taken over (interactive pages) and no
    /// loading bar is left. A page that never gets there is a finding of its own, and is checked as it stands.
    /// </summary>
    public static async Task<AccessibilityFinding?> WaitUntilSettledAsync(IPage page, bool interactive)
    {
        try
        {
            if (interactive)
            {
                await new Pages.ShellPage(page).WaitUntilInteractiveAsync();
            }

            await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-progress-indeterminate').length === 0");
            return null;
        }
        catch (TimeoutException)
        {
            var bars = await page.Locator(".mud-progress-indeterminate").CountAsync();
            return new AccessibilityFinding("settled", "critical",
                interactive ? "The page becomes interactive and finishes loading" : "The page finishes loading",
                [bars == 0 ? "the Blazor circuit never took over the page" : $"{bars} loading bar(s) still shown"]);
        }
    }

    public static async Task<IReadOnlyList<AccessibilityFinding>> RunAsync(IPage page)
    {
        // A button that has just changed state (disabled to enabled once its page loaded) is mid-transition, and axe would
        // measure a blend of the two colours: end every transition at once before measuring.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var axe = await page.RunAxe(Wcag21AA);
        var findings = axe.Violations
            .Select(v => new AccessibilityFinding(v.Id, v.Impact ?? "unknown", v.Help, v.Nodes.Select(Describe).ToList()))
            .ToList();
        var own = await page.EvaluateAsync<OwnFinding[]>(OwnRules);
        findings.AddRange(own.Select(f => new AccessibilityFinding(f.Rule, "serious", f.Help, f.Targets)));
        return findings;
    }

    // The element and why it fails, e.g. the colours and the contrast ratio axe measured.
    private static string Describe(AxeResultNode node)
    {
        var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m));
        return why is null ? node.Target.ToString() : $"{node.Target}: {why}";
    }

    // Playwright fills the result by setting properties, so the type needs a parameterless constructor.
    private sealed class OwnFinding
    {
        public string Rule { get; set; } = "";

        public string Help { get; set; } = "";

        public string[] Targets { get; set; } = [];
    }
}
