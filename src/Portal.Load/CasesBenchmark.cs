using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Cases;

namespace Portal.Load;

/// <summary>
/// The ticket desk with <see cref="CaseBenchmarkData.Count"/> more cases in the database: the app hosted in this
/// process (its own Program, Release build, a fresh SQLite or PostgreSQL database with the demo data), so what is
/// timed is server time alone, no network. Timed one request at a time, as one agent works: the data of the desk's
/// first page (the view counts and the first 25 rows of a view, what the page loads), a case (what the case page
/// loads once interactive), and the case page's prerendered HTML for a signed-in agent (the shell and the layout).
/// </summary>
internal static class CasesBenchmark
{
    private const int PageSize = 25;

    public static async Task RunAsync(BenchmarkOptions options)
    {
        await using var database = new BenchmarkDatabase(options, "cases");
        await using var host = new InProcessPortal(Path.Combine(options.RepositoryRoot, "src", "Portal.Web"), database.ConnectionString, database.Postgres);
        await RunAsync(options, host, database.Provider);
    }

    private static async Task RunAsync(BenchmarkOptions options, InProcessPortal host, string database)
    {
        var services = host.Services;
        var store = services.GetRequiredService<CaseStore>();
        var loading = Stopwatch.StartNew();
        var references = await CaseBenchmarkData.LoadAsync(services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), await store.RulesAsync(CancellationToken.None));
        int total;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            total = await db.Set<Portal.Web.Features.Cases.Model.Case>().CountAsync();
        }

        var agent = await AgentAsync(services);
        var desk = services.GetRequiredService<CaseDesk>();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await PortalServer.SignInAsync(client, "agent@portal.demo");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ticket desk on {database}: {total:N0} cases ({CaseBenchmarkData.Count:N0} added in {loading.Elapsed.TotalSeconds:0} s), one agent, {options.WarmUpSeconds} s warm-up, {options.Runs} runs of {options.Seconds} s each measure"));

        var random = new Random(7);
        var operations = new (string Name, Func<Task> Run)[]
        {
            ("desk first page, all cases (counts + 25 rows)", async () =>
            {
                await desk.CountAsync(agent);
                await desk.ListAsync(agent, new DeskQuery(DeskView.All, null, null, null, null, 0, PageSize));
            }),
            ("  of which the view counts", () => desk.CountAsync(agent)),
            ("  of which the 25 rows", () => desk.ListAsync(agent, new DeskQuery(DeskView.All, null, null, null, null, 0, PageSize))),
            ("desk first page, unassigned", async () =>
            {
                await desk.CountAsync(agent);
                await desk.ListAsync(agent, new DeskQuery(DeskView.Unassigned, null, null, null, null, 0, PageSize));
            }),
            ("desk first page, breached, Gold clients' requests", async () =>
            {
                await desk.CountAsync(agent);
                await desk.ListAsync(agent, new DeskQuery(DeskView.Breached, CaseKind.Request, null, ClientTier.Gold, null, 0, PageSize));
            }),
            ("case data (a random case)", () => desk.GetAsync(agent, references[random.Next(references.Count)])),
            ("case page HTML as prerendered for a signed-in agent (the case itself loads once interactive: the line above)", async () =>
            {
                using var response = await client.GetAsync("/agent/tickets/" + references[random.Next(references.Count)]);
                await response.Content.CopyToAsync(Stream.Null);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"The case page answered {(int)response.StatusCode}.");
                }
            }),
        };

        foreach (var (_, run) in operations)
        {
            await TimeAsync(run, TimeSpan.FromSeconds(options.WarmUpSeconds / (double)operations.Length));
        }

        foreach (var (name, run) in operations)
        {
            var runs = new List<(double P50, double P99, double Max, int Count)>();
            for (var i = 0; i < options.Runs; i++)
            {
                runs.Add(await TimeAsync(run, TimeSpan.FromSeconds(options.Seconds)));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: median p50 {BenchmarkOptions.Median(runs.Select(r => r.P50)):0.0} ms, median p99 {BenchmarkOptions.Median(runs.Select(r => r.P99)):0.0} ms, " +
                $"max {runs.Max(r => r.Max):0.0} ms ({runs.Sum(r => r.Count):N0} requests; p99 per run: {string.Join(", ", runs.Select(r => r.P99.ToString("0.0", CultureInfo.InvariantCulture)))})"));
        }
    }

    private static async Task<(double P50, double P99, double Max, int Count)> TimeAsync(Func<Task> run, TimeSpan duration)
    {
        var latencies = new List<double>();
        var stop = Stopwatch.StartNew();
        while (stop.Elapsed < duration)
        {
            var watch = Stopwatch.StartNew();
            await run();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        var sorted = latencies.Order().ToArray();
        return (sorted[sorted.Length / 2], sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1], sorted[^1], sorted.Length);
    }

    private static async Task<Actor> AgentAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == "agent@portal.demo");
        return new Actor(user.Id, user.DisplayName, new HashSet<string> { Roles.Agent }, null, "127.0.0.1");
    }
}
