using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Portal.Load;

/// <summary>
/// Starts the app (Release build) on a fresh SQLite database (or a fresh PostgreSQL database with --postgres), gives the silver demo investor 24 months of 200
/// transactions, signs in through the real login page and measures /statements/{yyyy-MM} over HTTP.
/// </summary>
internal static class StatementsPageBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
        await using var server = await PortalServer.StartAsync(options);
        using var client = server.CreateClient(options.Concurrency);
        var currentMonth = new DateOnly(DateTime.UtcNow.AddHours(8).Year, DateTime.UtcNow.AddHours(8).Month, 1);
        var months = await BenchmarkData.LoadAsync(server.ConnectionString, server.IsPostgres, currentMonth);
        await PortalServer.SignInAsync(client, "investor.silver@portal.demo");
        var urls = months.Select(m => $"/statements/{m:yyyy-MM}").ToArray();
        Console.WriteLine($"Statements page on {server.DatabaseName}: {BenchmarkData.Months} months x {BenchmarkData.PerMonth} transactions, {options.Concurrency} concurrent clients, {options.WarmUpSeconds} s warm-up, {options.Runs} runs of {options.Seconds} s");

        await MeasureAsync(client, urls, TimeSpan.FromSeconds(options.WarmUpSeconds), options.Concurrency);
        var results = new List<(double Rps, double P99)>();
        var cpu = new List<(double Server, double Client)>();
        using var self = Process.GetCurrentProcess();
        for (var run = 0; run < options.Runs; run++)
        {
            var (serverBefore, clientBefore) = (server.CpuTime(), PortalServer.CpuTimeOf(self));
            var result = await MeasureAsync(client, urls, TimeSpan.FromSeconds(options.Seconds), options.Concurrency);
            var pages = result.Rps * options.Seconds;
            var perPage = ((server.CpuTime() - serverBefore) / pages, (PortalServer.CpuTimeOf(self) - clientBefore) / pages);
            results.Add(result);
            cpu.Add(perPage);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: {result.Rps:0} req/s, p99 {result.P99:0.0} ms; CPU per page: app {perPage.Item1:0.00} ms, load client {perPage.Item2:0.00} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Statements page: median {BenchmarkOptions.Median(results.Select(r => r.Rps)):0} req/s, median p99 {BenchmarkOptions.Median(results.Select(r => r.P99)):0.0} ms, " +
            $"median CPU per page: app {BenchmarkOptions.Median(cpu.Select(c => c.Server)):0.00} ms, load client {BenchmarkOptions.Median(cpu.Select(c => c.Client)):0.00} ms"));
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
}
