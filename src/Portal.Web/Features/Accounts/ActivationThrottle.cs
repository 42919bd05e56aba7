using System.Collections.Concurrent;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Counts failed activation attempts per key (client address, account number) in a sliding window.
/// In memory: each instance counts on its own, which only makes a distributed guesser slower by the instance count.
/// </summary>
internal sealed class ActivationThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsBlocked(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (Count(key) >= MaxFailures)
            {
                return true;
            }
        }

        return false;
    }

    public void RecordFailure(params ReadOnlySpan<string> keys)
    {
        var now = clock.GetUtcNow();
        foreach (var key in keys)
        {
            var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                queue.Enqueue(now);
            }
        }
    }

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow() - Window;
        lock (queue)
        {
            while (queue.Count > 0 && queue.Peek() <= cutoff)
            {
                queue.Dequeue();
            }

            return queue.Count;
        }
    }
}
