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

        Console.WriteLine($"Memory per circuit: {options.Circuits} Chromium pages kept open on each page, GC heap after a full GC (dotnet-gcdump) before and after");
        Console.WriteLine();
        Console.WriteLine("| circuit on | GC heap before | GC heap after | per circuit |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, url, cookie, process) in cases)
        {
            await using var context = await browser.NewContextAsync();
            if (cookie is not null)
            {
                await context.AddCookiesAsync(cookie.Split("; ").Select(c => c.Split('=', 2)).Select(c => new Cookie { Name = c[0], Value = c[1], Url = url.GetLeftPart(UriPartial.Authority) }));
            }

            // A first page outside the count, so what the first circuit of an app allocates once is in "before".
            var first = await OpenLiveAsync(context, url);
            var before = await HeapBytesAsync(options, process);
            var open = new List<IPage>();
            for (var i = 0; i < options.Circuits; i++)
            {
                open.Add(await OpenLiveAsync(context, url));
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = await HeapBytesAsync(options, process);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {before / 1024.0:N0} KB | {after / 1024.0:N0} KB | {(after - before) / 1024.0 / options.Circuits:N0} KB |"));
            foreach (var page in open.Append(first))
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }
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

    private static async Task<long> HeapBytesAsync(BenchmarkOptions options, int process)
    {
        var report = await PublishedApps.RunAsync("dotnet", $"dotnet-gcdump report -p {process}", options.RepositoryRoot);
        var total = Total().Match(report);
        if (!total.Success)
        {
            throw new InvalidOperationException("dotnet-gcdump printed no total:\n" + report);
        }

        return long.Parse(total.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex Total();
}
