using System.Globalization;

namespace Portal.Load;

/// <param name="Postgres">A PostgreSQL connection string (without a database name) to run the statements page on instead of SQLite.</param>
/// <param name="WarmUpSeconds">Load before measuring, so tiered JIT has compiled the hot paths (on two busy cores the JIT needs about half a minute; the first seconds run much slower).</param>
internal sealed record BenchmarkOptions(string Which, int Runs, int Seconds, int Concurrency, int WarmUpSeconds, string? Postgres, string RepositoryRoot)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var which = args.FirstOrDefault(a => a is "statements" or "pdf" or "all") ?? "all";
        var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        return new(which, Value("--runs", 5), Value("--seconds", 10), Value("--concurrency", 16), Value("--warmup", 30), postgres, FindRepositoryRoot());
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
