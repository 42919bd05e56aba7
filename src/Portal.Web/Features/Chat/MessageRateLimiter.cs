namespace Portal.Web.Features.Chat;

/// <summary>
/// Messages per sender: 5 a second, bursts of 10 (a token bucket). The hub keeps one per connection, the chat pages
/// one per circuit (it is registered scoped). A refused send is <see cref="ChatErrors.RateLimited"/>; nothing is closed.
/// </summary>
public sealed class MessageRateLimiter(TimeProvider clock)
{
    public const int PerSecond = 5;
    public const int Burst = 10;

    private readonly Lock _lock = new();
    private double _tokens = Burst;
    private long _refilledAt = clock.GetTimestamp();

    public MessageRateLimiter()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Takes one message's allowance; false when the sender is over the limit.</summary>
    public bool TryTake()
    {
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            _tokens = Math.Min(Burst, _tokens + (clock.GetElapsedTime(_refilledAt, now).TotalSeconds * PerSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }

    /// <summary>Takes one message's allowance or throws <see cref="ChatException"/> (<see cref="ChatErrors.RateLimited"/>).</summary>
    public void Take()
    {
        if (!TryTake())
        {
            throw new ChatException(ChatErrors.RateLimited, $"At most {PerSecond} messages a second (bursts of {Burst}).");
        }
    }
}
