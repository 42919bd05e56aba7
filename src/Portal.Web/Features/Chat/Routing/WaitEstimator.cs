namespace Portal.Web.Features.Chat.Routing;

/// <summary>
/// How long a waiting chat will wait, from how long chats take (recent handling times) and the Online agents' free
/// places: chats ahead beyond the free places wait for places to come free, which happens at (total capacity ÷
/// handling time) per second. A rough figure on purpose: the page says "about N min".
/// </summary>
public static class WaitEstimator
{
    /// <summary>What a chat takes when there is no recent history to go by.</summary>
    public const int DefaultHandlingSeconds = 300;

    /// <summary>Recent handling times (seconds) beyond this many are ignored.</summary>
    public const int RecentChats = 50;

    /// <param name="position">1 for the next chat to be taken.</param>
    /// <param name="recentHandlingSeconds">Accepted-to-ended times of recent chats.</param>
    /// <param name="freePlaces">Online agents' capacity minus their open chats.</param>
    /// <param name="totalCapacity">Online agents' capacity together.</param>
    /// <returns>Seconds; 0 when a place is free for it now.</returns>
    public static int EstimateSeconds(int position, IReadOnlyCollection<double> recentHandlingSeconds, int freePlaces, int totalCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        var ahead = position - Math.Max(0, freePlaces);
        if (ahead <= 0)
        {
            return 0;
        }

        var handling = AverageHandlingSeconds(recentHandlingSeconds);
        // Nobody online: places come free as slowly as one agent's would.
        var places = Math.Max(1, totalCapacity);
        return (int)Math.Ceiling(ahead * handling / places);
    }

    public static double AverageHandlingSeconds(IReadOnlyCollection<double> recentHandlingSeconds)
    {
        var recent = recentHandlingSeconds.Where(s => s > 0).Take(RecentChats).ToList();
        return recent.Count == 0 ? DefaultHandlingSeconds : recent.Average();
    }
}
