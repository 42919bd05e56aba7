namespace Portal.Web.Features.Chat.Ui;

public static class RateLimiterExtensions
{
    /// <summary>Takes one message's allowance, or refuses the send as the hub would (<c>rate-limited</c>).</summary>
    public static void Allow(this MessageRateLimiter limiter)
    {
        if (!limiter.TryTake())
        {
            throw new ChatException(ChatErrors.RateLimited, "More than 5 messages a second.");
        }
    }
}
