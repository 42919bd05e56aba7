namespace Portal.Web.Features.Cases;

/// <summary>The points one late case costs its handler, and whether it counts as an error.</summary>
public sealed record LatePenalty(double Points, bool IsError);

/// <summary>
/// Late-handling points (pure): business minutes over the limit cost nothing at 0 or less, 0.5 up to 5, 1 over 5 and
/// up to 10; more than 10 is an error, 1.5 points for the agent's first error in the month and 3 for each one after.
/// </summary>
public static class LateHandlingRule
{
    public const int SmallDelayMinutes = 5;
    public const int DelayMinutes = 10;
    public const double SmallDelayPoints = 0.5;
    public const double DelayPoints = 1;
    public const double FirstErrorPoints = 1.5;
    public const double RepeatErrorPoints = 3;

    /// <summary>The penalty for <paramref name="minutesOver"/>; null when on time. <paramref name="errorsThisMonth"/>: the agent's errors so far this month.</summary>
    public static LatePenalty? For(int minutesOver, int errorsThisMonth) => minutesOver switch
    {
        <= 0 => null,
        <= SmallDelayMinutes => new(SmallDelayPoints, false),
        <= DelayMinutes => new(DelayPoints, false),
        _ => new(errorsThisMonth == 0 ? FirstErrorPoints : RepeatErrorPoints, true),
    };
}
