namespace Portal.Web.Features.Chat.Ui;

/// <summary>Lets a composer tell the other side "typing" at most once every few seconds, however fast the keys.</summary>
public sealed class TypingThrottle(TimeProvider clock, TimeSpan interval)
{
    private DateTimeOffset? _lastSent;

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(3);

    /// <summary>True when a Typing call is due now (and counts it as sent).</summary>
    public bool ShouldSend()
    {
        var now = clock.GetUtcNow();
        if (_lastSent is { } last && now - last < interval)
        {
            return false;
        }

        _lastSent = now;
        return true;
    }
}
