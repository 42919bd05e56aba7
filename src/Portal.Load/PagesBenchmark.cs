using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Load;

/// <summary>
/// Portal's pages side by side with the stock Blazor Web App template (<c>dotnet new blazor --interactivity Server</c>):
/// both published in Release, measured one app at a time with wrk (16 connections, 10 s after a 5 s warm-up per page
/// and run), each page's size and persisted circuit state, the ratio to the template's matching page in the same run,
/// and the server's GC heap per open interactive circuit (real Chromium pages).
/// </summary>
internal static partial class PagesBenchmark
{
    private const string Investor = "investor.silver@portal.demo";

    public static async Task RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"Publishing the stock template and Portal in Release ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()})");
        using var apps = await PublishedApps.PublishAsync(options);
        var templateAddress = new Uri($"http://127.0.0.1:{PortalServer.FreePort()}");
        using var template = await apps.StartTemplateAsync(templateAddress);
        try
        {
            // All of wrk's requests come from one address: the search page's per-address limit (30 a minute) is lifted.
            var settings = new Dictionary<string, string>
            {
                ["RateLimits__SearchPerAddress"] = "1000000",
                // Chromium sends no disconnect beacon when a page closes: without this, each page's circuits stayed 3 minutes and were
                // let go while the next page was counted.
                ["Circuits__DisconnectedCircuitRetentionPeriod"] = "00:00:02",
            };
            await using var portal = await PortalServer.StartAsync(options, settings, apps.PortalDll);
            var pages = await PortalPagesAsync(portal);
            pages = options.Pages is null ? pages : [.. pages.Where(p => options.Pages.Any(n => p.Name.Contains(n, StringComparison.OrdinalIgnoreCase)))];
            var templatePages = pages.Select(p => p.TemplatePath).Distinct().ToArray();
            var sizes = new Dictionary<string, (int Bytes, int State)>();
            foreach (var path in templatePages)
            {
                sizes["template " + path] = await SizeAsync(templateAddress, path, null);
            }

            foreach (var page in pages)
            {
                sizes[page.Name] = await SizeAsync(portal.BaseAddress, page.Path, page.Cookie);
                Console.WriteLine($"  {page.Name}: {sizes[page.Name].Bytes:N0} bytes, {sizes[page.Name].State:N0} bytes of persisted state");
            }

            Console.WriteLine($"wrk, {Environment.ProcessorCount} threads, {options.Concurrency} connections, {options.Seconds} s after {options.WarmUpSeconds} s warm-up per page " +
                $"({FirstWarmUpSeconds} s in the first run), {options.Runs} runs");
            var runs = new List<Dictionary<string, WrkResult>>();
            for (var run = 0; run < options.Runs; run++)
            {
                var results = new Dictionary<string, WrkResult>();
                var measured = templatePages.Select(p => ("template " + p, new Uri(templateAddress, p), (string?)null))
                    .Concat(pages.Select(p => (p.Name, new Uri(portal.BaseAddress, p.Path), p.Cookie)));
                foreach (var (name, url, cookie) in measured)
                {
                    var result = results[name] = await MeasureAsync(options, url, cookie, run == 0 ? Math.Max(FirstWarmUpSeconds, options.WarmUpSeconds) : options.WarmUpSeconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run + 1}: {name}: {result.Rps:0} req/s, p50 {result.P50:0.0} ms, p99 {result.P99:0.0} ms"));
                }

                runs.Add(results);
            }

            Console.WriteLine();
            Console.WriteLine(Table(pages, sizes, runs));
            if (options.Circuits > 0)
            {
                await CircuitMemory.RunAsync(options, portal, templateAddress, template.Id, pages);
            }
        }
        finally
        {
            template.Kill(entireProcessTree: true);
            await template.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Each page's warm-up in the first run. Tiered JIT compiles a page's hot paths in the background, and on two cores
    /// under load it needs longer than 5 s: measured after 5 s, Portal's signed-in profile page made 666 req/s, after a
    /// further 40 s 905 (the template's pages gain less, having fewer methods). Later runs find them compiled.
    /// </summary>
    private const int FirstWarmUpSeconds = 20;

    private static async Task<WrkResult> MeasureAsync(BenchmarkOptions options, Uri url, string? cookie, int warmUpSeconds)
    {
        await Wrk.RunAsync(url, cookie, options.Concurrency, warmUpSeconds);
        return await Wrk.RunAsync(url, cookie, options.Concurrency, options.Seconds);
    }

    /// <summary>The pages the issue names; the article and the statement are the first ones their lists link to.</summary>
    private static async Task<List<BenchmarkPage>> PortalPagesAsync(PortalServer portal)
    {
        using var anonymous = portal.CreateClient();
        var article = ArticleLink().Match(await anonymous.GetStringAsync("/learn")).Groups[1].Value;
        var investor = await SignedInAsync(portal, Investor);
        var agent = await SignedInAsync(portal, "agent@portal.demo");
        var supervisor = await SignedInAsync(portal, "supervisor@portal.demo");
        using var statements = portal.CreateClient();
        statements.DefaultRequestHeaders.Add("Cookie", investor);
        var statement = StatementLink().Match(await statements.GetStringAsync("/statements")).Groups[1].Value;
        return
        [
            new("sign-in `/Account/Login`", "/Account/Login", null, "/"),
            new("activation `/Account/Activate`", "/Account/Activate", null, "/"),
            new("landing `/`", "/", null, "/counter"),
            new("`/learn`", "/learn", null, "/counter"),
            new($"article `/learn/{article}`", $"/learn/{article}", null, "/counter"),
            new("`/faq`", "/faq", null, "/counter"),
            new("`/announcements`", "/announcements", null, "/counter"),
            new("`/search?q=基金`", "/search?q=%E5%9F%BA%E9%87%91", null, "/counter"),
            new("investor: dashboard `/`", "/", investor, "/counter"),
            new("investor: `/statements`", "/statements", investor, "/counter"),
            new($"investor: statement `/statements/{statement}`", $"/statements/{statement}", investor, "/counter"),
            new("investor: `/transactions`", "/transactions", investor, "/counter"),
            new("investor: `/profile`", "/profile", investor, "/counter"),
            new("agent: `/agent`", "/agent", agent, "/counter"),
            new("supervisor: `/supervisor`", "/supervisor", supervisor, "/counter"),
        ];
    }

    /// <summary>Signs in once through the real login form; the Cookie header that wrk and the browser then send.</summary>
    public static async Task<string> SignedInAsync(PortalServer portal, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        await PortalServer.SignInAsync(client, email);
        return cookies.GetCookieHeader(portal.BaseAddress);
    }

    /// <summary>The page's size (bytes of HTML as sent, uncompressed) and the persisted circuit state in it.</summary>
    private static async Task<(int Bytes, int State)> SizeAsync(Uri baseAddress, string path, string? cookie)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{baseAddress}{path} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var html = Encoding.UTF8.GetString(bytes);
        var state = StateComment().Matches(html).Sum(m => m.Groups[1].Length);
        return (bytes.Length, state);
    }

    private static string Table(List<BenchmarkPage> pages, Dictionary<string, (int Bytes, int State)> sizes, List<Dictionary<string, WrkResult>> runs)
    {
        double Median(string name, Func<WrkResult, double> value) => BenchmarkOptions.Median(runs.Select(r => value(r[name])));
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Pages, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, medians of {runs.Count} runs (wrk, {Environment.ProcessorCount} threads):");
        table.AppendLine();
        table.AppendLine("| page | req/s | p50 ms | p99 ms | bytes | state bytes | template page | template req/s | template p99 ms | Portal costs |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var page in pages)
        {
            var reference = "template " + page.TemplatePath;
            // The ratio of each run's pair, measured minutes apart on the same machine, then the median of those.
            var ratio = BenchmarkOptions.Median(runs.Select(r => r[reference].Rps / r[page.Name].Rps));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {page.Name} | {Median(page.Name, r => r.Rps):N0} | {Median(page.Name, r => r.P50):0.0} | {Median(page.Name, r => r.P99):0.0} | {sizes[page.Name].Bytes:N0} | {sizes[page.Name].State:N0} " +
                $"| `{page.TemplatePath}` | {Median(reference, r => r.Rps):N0} | {Median(reference, r => r.P99):0.0} | {ratio:0.0}× |");
        }

        return table.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex("href=\"/?learn/([a-z0-9-]+)\"")]
    private static partial Regex ArticleLink();

    [GeneratedRegex("href=\"/?statements/(\\d{4}-\\d{2})\"")]
    private static partial Regex StatementLink();

    [GeneratedRegex("<!--Blazor-(?:Server|WebAssembly)-Component-State:([^-]*)-->")]
    private static partial Regex StateComment();
}

/// <param name="Cookie">The sign-in cookie header, or null for an anonymous page.</param>
/// <param name="TemplatePath">The template's matching page: its static <c>/</c> or its prerendered interactive <c>/counter</c>.</param>
internal sealed record BenchmarkPage(string Name, string Path, string? Cookie, string TemplatePath);
