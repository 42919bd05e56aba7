using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Portal.Load;

/// <summary>
/// Starts the app (Release build) on a fresh SQLite database (or a fresh PostgreSQL database with --postgres), gives the silver demo investor 24 months of 200
/// transactions, signs in through the real login page and measures /statements/{yyyy-MM} over HTTP.
/// </summary>
internal static partial class StatementsPageBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
        var app = Path.Combine(options.RepositoryRoot, "src", "Portal.Web", "bin", "Release", "net10.0", "Portal.Web.dll");
        if (!File.Exists(app))
        {
            throw new InvalidOperationException($"Build the app first: dotnet build -c Release src/Portal.Web ({app} not found).");
        }

        var folder = Directory.CreateTempSubdirectory("portal-load-");
        var postgres = options.Postgres is not null;
        var connectionString = postgres
            ? $"{options.Postgres};Database=portal_load_{DateTime.UtcNow:yyyyMMddHHmmss}"
            : $"Data Source={Path.Combine(folder.FullName, "portal.db")}";
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var server = Process.Start(new ProcessStartInfo("dotnet", $"\"{app}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
                ["ASPNETCORE_URLS"] = baseAddress.ToString(),
                ["ConnectionStrings__Portal"] = connectionString,
                ["Database__Provider"] = postgres ? "Postgres" : "Sqlite",
                ["Portal__DemoData"] = "true",
                ["Portal__PublicBaseUrl"] = baseAddress.ToString(),
                ["Email__UsePickupFolder"] = "true",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        }) ?? throw new InvalidOperationException("Could not start the app.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = options.Concurrency })
            {
                BaseAddress = baseAddress,
            };
            await WaitForAsync(client);
            var currentMonth = new DateOnly(DateTime.UtcNow.AddHours(8).Year, DateTime.UtcNow.AddHours(8).Month, 1);
            var months = await BenchmarkData.LoadAsync(connectionString, postgres, currentMonth);
            await SignInAsync(client);
            var urls = months.Select(m => $"/statements/{m:yyyy-MM}").ToArray();
            Console.WriteLine($"Statements page on {(postgres ? "PostgreSQL" : "SQLite")}: {BenchmarkData.Months} months x {BenchmarkData.PerMonth} transactions, {options.Concurrency} concurrent clients, {options.WarmUpSeconds} s warm-up, {options.Runs} runs of {options.Seconds} s");

            await MeasureAsync(client, urls, TimeSpan.FromSeconds(options.WarmUpSeconds), options.Concurrency);
            var results = new List<(double Rps, double P99)>();
            var cpu = new List<(double Server, double Client)>();
            using var self = Process.GetCurrentProcess();
            for (var run = 0; run < options.Runs; run++)
            {
                var (serverBefore, clientBefore) = (CpuTime(server), CpuTime(self));
                var result = await MeasureAsync(client, urls, TimeSpan.FromSeconds(options.Seconds), options.Concurrency);
                var pages = result.Rps * options.Seconds;
                var perPage = ((CpuTime(server) - serverBefore) / pages, (CpuTime(self) - clientBefore) / pages);
                results.Add(result);
                cpu.Add(perPage);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run + 1}: {result.Rps:0} req/s, p99 {result.P99:0.0} ms; CPU per page: app {perPage.Item1:0.00} ms, load client {perPage.Item2:0.00} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Statements page: median {BenchmarkOptions.Median(results.Select(r => r.Rps)):0} req/s, median p99 {BenchmarkOptions.Median(results.Select(r => r.P99)):0.0} ms, " +
                $"median CPU per page: app {BenchmarkOptions.Median(cpu.Select(c => c.Server)):0.00} ms, load client {BenchmarkOptions.Median(cpu.Select(c => c.Client)):0.00} ms"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            folder.Delete(recursive: true);
            if (postgres)
            {
                await using var db = BenchmarkData.Context(connectionString, postgres);
                await db.Database.EnsureDeletedAsync();
            }
        }
    }

    private static async Task<(double Rps, double P99)> MeasureAsync(HttpClient client, string[] urls, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>[concurrency];
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = [];
            var i = w;
            while (stop.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                // Read the whole page but keep none of it: the load client shares the server's two cores.
                using var response = await client.GetAsync(urls[i++ % urls.Length], HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Statement page answered {(int)response.StatusCode}.");
                }

                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / stop.Elapsed.TotalSeconds, all[(int)Math.Ceiling(all.Length * 0.99) - 1]);
    }

    /// <summary>CPU time used so far by a process, in milliseconds (all its threads, user and kernel).</summary>
    private static double CpuTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = "investor.silver@portal.demo",
            ["Input.Password"] = "Portal-Demo-2026!",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().StartsWith("/Account", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private static async Task WaitForAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The app did not start within two minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
