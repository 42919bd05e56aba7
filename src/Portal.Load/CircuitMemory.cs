using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.Load;

/// <summary>
/// Memory per interactive circuit: N real Chromium pages opened on a page and kept open (each a live circuit), the
/// server's GC heap after a full blocking GC (<c>dotnet-gcdump</c>, a local tool of the repository, induces it and
/// counts the live objects) while they are open, less the heap without them (the mean of the heap before they were
/// opened and after their circuits were gone), divided by N.
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

        Console.WriteLine($"Memory per circuit: {options.Circuits} Chromium pages kept open on each page; the GC heap after a full GC (dotnet-gcdump) " +
            "before they were opened, while they are open and after their circuits are gone, and the live circuits it counted; per circuit: " +
            "the heap while open less the mean of the other two, divided by the pages");
        Console.WriteLine();
        Console.WriteLine("| circuit on | GC heap before | GC heap open | GC heap after closing | circuits before, open, after | per circuit |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, url, cookie, process) in cases)
        {
            await using var context = await browser.NewContextAsync();
            if (cookie is not null)
            {
                await context.AddCookiesAsync(cookie.Split("; ").Select(c => c.Split('=', 2)).Select(c => new Cookie { Name = c[0], Value = c[1], Url = url.GetLeftPart(UriPartial.Authority) }));
            }

            // A first page outside the count, so what the first circuit of an app allocates once is in "before".
            var first = await OpenLiveAsync(context, url);
            var before = await SettledHeapAsync(options, process);
            var open = new List<IPage>();
            for (var i = 0; i < options.Circuits; i++)
            {
                open.Add(await OpenLiveAsync(context, url));
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var during = await HeapAsync(options, process);
            foreach (var page in open)
            {
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }

            var after = await GoneAsync(options, process, before.Circuits);
            await first.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            await GoneAsync(options, process, before.Circuits - 1);
            var perCircuit = (during.Bytes - (before.Bytes + after.Bytes) / 2.0) / 1024 / options.Circuits;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {before.Bytes / 1024.0:N0} KB | {during.Bytes / 1024.0:N0} KB | {after.Bytes / 1024.0:N0} KB | {before.Circuits}, {during.Circuits}, {after.Circuits} | {perCircuit:N0} KB{Unsteady(options, before, during, after)} |"));
        }
    }

    /// <summary>
    /// Says why a row is not to be trusted: circuits other than the pages opened came or went, or the heap without them
    /// moved by more than a quarter of what they added (the mean absorbs a drift of a few hundred KB, which is usual; not
    /// one as large as what is measured).
    /// </summary>
    private static string Unsteady(BenchmarkOptions options, Heap before, Heap during, Heap after) =>
        during.Circuits - before.Circuits != options.Circuits || after.Circuits != before.Circuits ? " (unsteady: other circuits came or went)"
        : Math.Abs(after.Bytes - before.Bytes) * 4 > during.Bytes - before.Bytes ? " (unsteady: the heap without them moved)"
        : string.Empty;

    /// <summary>
    /// The heap once it has stopped shrinking (at most two minutes): after load the server's pools (Kestrel's memory
    /// blocks, array pools) and caches give memory back for a while, which would otherwise be counted against the circuits.
    /// </summary>
    private static async Task<Heap> SettledHeapAsync(BenchmarkOptions options, int process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var heap = await HeapAsync(options, process);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var next = await HeapAsync(options, process);
            var settled = Math.Abs(next.Bytes - heap.Bytes) < 256 * 1024;
            heap = next;
            if (settled)
            {
                break;
            }
        }

        return heap;
    }

    /// <summary>Waits (at most a minute) until the closed pages' circuits are let go; the heap then.</summary>
    private static async Task<Heap> GoneAsync(BenchmarkOptions options, int process, int circuits)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var heap = await HeapAsync(options, process);
        while (heap.Circuits > circuits && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            heap = await HeapAsync(options, process);
        }

        return heap;
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
    private static async Task<Heap> HeapAsync(BenchmarkOptions options, int process)
    {
        var report = await PublishedApps.RunAsync("dotnet", $"dotnet-gcdump report -p {process}", options.RepositoryRoot);
        var total = Total().Match(report);
        if (!total.Success)
        {
            throw new InvalidOperationException("dotnet-gcdump printed no total:\n" + report);
        }

        var circuits = Circuits().Match(report);
        return new Heap(Number(total.Groups[1].Value), circuits.Success ? (int)Number(circuits.Groups[1].Value) : 0);
    }

    /// <summary>The live objects' bytes and the live circuits in one dump.</summary>
    private readonly record struct Heap(long Bytes, int Circuits);

    private static long Number(string digits) => long.Parse(digits.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex Total();

    // A report line: the type's size, its object count, its name.
    [GeneratedRegex(@"[\d,]+\s+([\d,]+)\s+Microsoft\.AspNetCore\.Components\.Server\.Circuits\.CircuitHost\s")]
    private static partial Regex Circuits();
}
