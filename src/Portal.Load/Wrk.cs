using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Load;

/// <summary>
/// The HTTP load client of the pages benchmark: wrk (Debian package <c>wrk</c>), written in C on epoll with one thread
/// per core. On two cores shared with the server, a .NET client would take a large part of the CPU it measures (the
/// statements benchmark's HttpClient spends about a third of a millisecond of CPU per page); wrk spends a few
/// microseconds. A Lua script prints the exact latency percentiles and the count of non-2xx/3xx answers.
/// </summary>
internal static partial class Wrk
{
    private const string Script = """
        done = function(summary, latency, requests)
          io.write(string.format("WRK %d %d %d %d %d %d\n", summary.requests, summary.duration,
            latency:percentile(50), latency:percentile(99), summary.errors.status,
            summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
        end
        """;

    public static async Task<WrkResult> RunAsync(Uri url, string? cookie, int connections, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), "portal-pages-wrk.lua");
        await File.WriteAllTextAsync(script, Script);
        var header = cookie is null ? string.Empty : $"-H \"Cookie: {cookie}\" ";
        var output = await PublishedApps.RunAsync("wrk",
            $"-t{Environment.ProcessorCount} -c{connections} -d{seconds}s --timeout 10s {header}-s \"{script}\" \"{url.AbsoluteUri}\"", Path.GetTempPath());
        var match = Summary().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException("wrk printed no summary:\n" + output);
        }

        long Value(int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        if (Value(5) + Value(6) > 0)
        {
            throw new InvalidOperationException($"{url}: {Value(5)} answers were errors, {Value(6)} requests failed.");
        }

        return new(Value(1) / (Value(2) / 1e6), Value(3) / 1e3, Value(4) / 1e3);
    }

    [GeneratedRegex(@"WRK (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)")]
    private static partial Regex Summary();
}

/// <param name="P50">Median latency, in milliseconds.</param>
/// <param name="P99">99th percentile latency, in milliseconds.</param>
internal sealed record WrkResult(double Rps, double P50, double P99);
