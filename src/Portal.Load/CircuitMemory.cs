using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.Load;

/// <summary>
/// Memory per interactive circuit: N real Chromium pages opened on a page and kept open (each a live circuit), the
/// server's GC heap after a full blocking GC (<c>dotnet-gcdump</c>, a local tool of the repository, induces it and
/// counts the live objects) before and after, divided by N.
/// </summary>
internal static partial class CircuitMemory
{
    public static async Task RunAsync(BenchmarkOptions options, PortalServer portal, Uri templateAddress, int templateProcess, List<BenchmarkPage> pages)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var statement = pages.FirstOrDefault(p => p.Name.Contains("statement `", StringComparison.Ordinal));
        var cases = new List<(string Name, Uri Url, string? Cookie, int Process)>
        {
            ("template `/counter`", new Uri(templateAddress, "/counter"), null, templateProcess),
            ("investor: `/profile`", new Uri(portal.BaseAddress, "/profile"), await PagesBenchmark.SignedInAsync(portal, "investor.silver@portal.demo"), portal.ProcessId),
        };
        cases.Add(("investor: dashboard `/`", new Uri(portal.BaseAddress, "/"), cases[1].Cookie, portal.ProcessId));
        if (statement is not null)
        {
            cases.Add((statement.Name, new Uri(portal.BaseAddress, statement.Path), cases[1].Cookie, portal.ProcessId));
        }

        Console.WriteLine($"Memory per circuit: {options.Circuits} Chromium pages kept open on each page, GC heap after a full GC (dotnet-gcdump) before and after, and the live circuits it counted");
        Console.WriteLine();
        Console.WriteLine("| circuit on | GC heap before | GC heap after | circuits before, after | per circuit |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, url, cookie, process) in cases)
        {
            await using var context = await browser.NewContextAsync();
            if (cookie is not null)
            {
                await context.AddCookiesAsync(cookie.Split("; ").Select(c => c.Split('=', 2)).Select(c => new Cookie { Name = c[0], Value = c[1], Url = url.GetLeftPart(UriPartial.Authority) }));
            }

            // A first page outside the count, so what the first circuit of an app allocates once is in "before".
            var first = await OpenLiveAsync(context, url);
            var before = await HeapAsync(options, process);
            var open = new List<IPage>();
            for (var i = 0; i < options.Circuits; i++)
            {
                open.Add(await OpenLiveAsync(context, url));
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = await HeapAsync(options, process);
            // Only the pages opened here may differ between the two counts, or the figure would hold other circuits' memory.
            var steady = after.Circuits - before.Circuits == options.Circuits ? string.Empty : " (unsteady: other circuits came or went)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {before.Bytes / 1024.0:N0} KB | {after.Bytes / 1024.0:N0} KB | {before.Circuits}, {after.Circuits} | {(after.Bytes - before.Bytes) / 1024.0 / options.Circuits:N0} KB{steady} |"));
            foreach (var page in open.Append(first))
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }

            await GoneAsync(options, process, before.Circuits - 1);
        }
    }

    /// <summary>Waits (at most a minute) until the closed pages' circuits are let go, so that the next page is counted alone.</summary>
    private static async Task GoneAsync(BenchmarkOptions options, int process, int circuits)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await HeapAsync(options, process)).Circuits > circuits && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    /// <summary>Opens the page and waits until its circuit is up: the hub's WebSocket has received a frame after the page loaded.</summary>
    private static async Task<IPage> OpenLiveAsync(IBrowserContext context, Uri url)
    {
        var page = await context.NewPageAsync();
        var live = new TaskCompletionSource();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, _) => live.TrySetResult();
        await page.GotoAsync(url.ToString());
        await live.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>The live objects' bytes and the live circuits (<c>CircuitHost</c> objects) after a full GC.</summary>
    private static async Task<(long Bytes, int Circuits)> HeapAsync(BenchmarkOptions options, int process)
    {
        var report = await PublishedApps.RunAsync("dotnet", $"dotnet-gcdump report -p {process}", options.RepositoryRoot);
        var total = Total().Match(report);
        if (!total.Success)
        {
            throw new InvalidOperationException("dotnet-gcdump printed no total:\n" + report);
        }

        var circuits = Circuits().Match(report);
        return (Number(total.Groups[1].Value), circuits.Success ? (int)Number(circuits.Groups[1].Value) : 0);
    }

    private static long Number(string digits) => long.Parse(digits.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex Total();

    // A report line: the type's size, its object count, its name.
    [GeneratedRegex(@"[\d,]+\s+([\d,]+)\s+Microsoft\.AspNetCore\.Components\.Server\.Circuits\.CircuitHost\s")]
    private static partial Regex Circuits();
}
