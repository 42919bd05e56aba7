using System.Globalization;

namespace Portal.Load;

/// <param name="Postgres">A PostgreSQL connection string (without a database name) to run the statements page on instead of SQLite.</param>
/// <param name="WarmUpSeconds">Load before measuring, so tiered JIT has compiled the hot paths (on two busy cores the JIT needs about half a minute; the first seconds run much slower).</param>
/// <param name="Chat">The chat benchmark's load.</param>
/// <param name="Notifications">How many notices the notifications benchmark queues.</param>
internal sealed record BenchmarkOptions(string Which, int Runs, int Seconds, int Concurrency, int WarmUpSeconds, string? Postgres, string RepositoryRoot, ChatLoad Chat, int Notifications)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var which = args.FirstOrDefault(a => a is "statements" or "pdf" or "cases" or "chat" or "notifications" or "all") ?? "all";
        var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var chat = new ChatLoad(Value("--connections", 5_000), Value("--users", 250), Value("--pairs", 100), Value("--rate", 500), Value("--hold", 600));
        return new(which, Value("--runs", 5), Value("--seconds", 10), Value("--concurrency", 16), Value("--warmup", 30), postgres, FindRepositoryRoot(), chat, Value("--count", 10_000));
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
