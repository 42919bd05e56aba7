using System.Globalization;

namespace Portal.Load;

/// <param name="Postgres">A PostgreSQL connection string (without a database name) to run the statements page on instead of SQLite.</param>
/// <param name="WarmUpSeconds">Load before measuring, so tiered JIT has compiled the hot paths (on two busy cores the JIT needs about half a minute; the first seconds run much slower).</param>
/// <param name="Chat">The chat benchmark's load.</param>
/// <param name="Pages">The pages benchmark's pages whose names contain one of these (all when null).</param>
/// <param name="Circuits">The pages benchmark's Chromium pages kept open per page for memory per circuit (0: not measured).</param>
/// <param name="Notifications">How many notices the notifications benchmark queues.</param>
internal sealed record BenchmarkOptions(string Which, int Runs, int Seconds, int Concurrency, int WarmUpSeconds, string? Postgres, string RepositoryRoot, ChatLoad Chat, string[]? Pages, int Circuits, int Notifications)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var which = args.FirstOrDefault(a => a is "statements" or "pages" or "pdf" or "cases" or "chat" or "notifications" or "all") ?? "all";
        string? Text(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var postgres = Text("--postgres");
        // The pages benchmark's own defaults: 5 s warm-up and 3 runs per page (its whole run takes about 15 minutes).
        var pages = which == "pages";
        var chat = new ChatLoad(Value("--connections", 5_000), Value("--users", 250), Value("--pairs", 100), Value("--rate", 500), Value("--hold", 600));
        return new(which, Value("--runs", pages ? 3 : 5), Value("--seconds", 10), Value("--concurrency", 16), Value("--warmup", pages ? 5 : 30), postgres, FindRepositoryRoot(), chat,
            Text("--pages")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Value("--circuits", 30), Value("--count", 10_000));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (Portal.sln not found above the binary).");
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <param name="IdleConnections">Hub connections that stay open and idle for the whole benchmark (their memory is measured).</param>
/// <param name="IdleUsers">The investors those idle connections belong to (several connections each, as tabs and devices).</param>
/// <param name="Pairs">Chats between an investor and an agent that send messages during the runs.</param>
/// <param name="MessagesPerSecond">The total message rate of all pairs (both sides send).</param>
/// <param name="HoldSeconds">How long the idle connections are held (from when they are all open) before the drops are counted.</param>
internal sealed record ChatLoad(int IdleConnections, int IdleUsers, int Pairs, int MessagesPerSecond, int HoldSeconds)
{
    /// <summary>Agents enough for every pair at the default capacity of three chats.</summary>
    public int Agents => (Pairs + 2) / 3;
}
