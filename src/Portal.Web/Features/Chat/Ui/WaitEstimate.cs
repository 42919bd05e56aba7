namespace Portal.Web.Features.Chat.Ui;

/// <summary>An estimated wait as a client reads it: whole minutes ("about 3 min"), never seconds.</summary>
public static class WaitEstimate
{
    /// <summary>The resource key and its minute count for an estimate in seconds.</summary>
    public static (string Key, int Minutes) Describe(int seconds) =>
        seconds < 60 ? ("Chat.Wait.UnderAMinute", 0) : ("Chat.Wait.AboutMinutes", (int)Math.Round(seconds / 60d, MidpointRounding.AwayFromZero));
}
