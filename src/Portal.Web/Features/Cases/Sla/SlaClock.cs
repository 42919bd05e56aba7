using Portal.Web.Features.Admin.Calendar;

namespace Portal.Web.Features.Cases;

/// <summary>
/// A case's clock as stored: the due time with every finished pause already added, when the running pause (waiting on
/// the client) began, and when the case was done (resolved, closed or withdrawn).
/// </summary>
public sealed record SlaSnapshot(
    DateTimeOffset DueAt,
    DateTimeOffset? FirstResponseDueAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? PausedSince,
    DateTimeOffset? DoneAt);

/// <summary>
/// The SLA clock (pure, no I/O). Limits count business time on the <see cref="BusinessCalendar"/>: minutes of opening
/// time, or working days (the same time of day on the n-th working day), or "promptly" (a number of business minutes
/// from the limits table). Waiting on the client pauses the clock: the business minutes of a pause push the due time
/// by as much once the pause ends, and while it runs the minutes left stay where they were when it began.
/// </summary>
public static class SlaClock
{
    /// <summary>When a limit counted from <paramref name="start"/> runs out (in UTC, as the databases store instants).</summary>
    public static DateTimeOffset DueAt(DateTimeOffset start, TimeLimit limit, int promptlyMinutes, BusinessCalendar calendar) => (limit.Unit switch
    {
        TimeLimitUnit.Minutes => calendar.AddBusinessMinutes(start, limit.Amount),
        TimeLimitUnit.WorkingDays => calendar.AddBusinessDays(start, limit.Amount),
        TimeLimitUnit.Promptly => calendar.AddBusinessMinutes(start, promptlyMinutes),
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, "Unknown time limit unit."),
    }).ToUniversalTime();

    /// <summary>The business minutes a pause from <paramref name="since"/> to <paramref name="until"/> took (time while closed does not count).</summary>
    public static double PausedMinutes(DateTimeOffset since, DateTimeOffset until, BusinessCalendar calendar) =>
        until <= since ? 0 : calendar.BusinessMinutesBetween(since, until);

    /// <summary>The due time pushed by a finished pause of <paramref name="pausedMinutes"/> business minutes (to the whole minute; in UTC).</summary>
    public static DateTimeOffset Extend(DateTimeOffset dueAt, double pausedMinutes, BusinessCalendar calendar)
    {
        var minutes = (int)Math.Round(pausedMinutes, MidpointRounding.AwayFromZero);
        return (minutes <= 0 ? dueAt : calendar.AddBusinessMinutes(dueAt, minutes)).ToUniversalTime();
    }

    /// <summary>
    /// Where the case stands at <paramref name="now"/>. Done: <see cref="SlaState.Met"/> or
    /// <see cref="SlaState.MissedButDone"/>. Paused: <see cref="SlaState.Paused"/>, the due time as if the pause ended
    /// now. Running: <see cref="SlaState.Breached"/> after the due time, <see cref="SlaState.DueSoon"/> within
    /// <paramref name="dueSoonMinutes"/> business minutes of it, otherwise <see cref="SlaState.OnTrack"/>.
    /// </summary>
    public static SlaInfo Evaluate(SlaSnapshot clock, DateTimeOffset now, int dueSoonMinutes, BusinessCalendar calendar)
    {
        var (due, state) = Glance(clock, now, dueSoonMinutes, calendar);
        var left = state switch
        {
            SlaState.Met or SlaState.MissedButDone => calendar.BusinessMinutesBetween(clock.DoneAt!.Value, clock.DueAt),
            SlaState.Paused => calendar.BusinessMinutesBetween(clock.PausedSince!.Value, clock.DueAt),
            _ => calendar.BusinessMinutesBetween(now, clock.DueAt),
        };
        return new(due, clock.FirstResponseDueAt, clock.FirstRespondedAt, state, state == SlaState.Paused, Math.Round(left, 2));
    }

    /// <summary>
    /// The due time and state of <see cref="Evaluate"/> without the minutes left, which a list does not show: counting
    /// them walks every business day between now and the due time (months for an old case still open), while the state
    /// needs at most the due-soon window.
    /// </summary>
    public static (DateTimeOffset DueAt, SlaState State) Glance(SlaSnapshot clock, DateTimeOffset now, int dueSoonMinutes, BusinessCalendar calendar)
    {
        if (clock.DoneAt is { } done)
        {
            return (clock.DueAt, done <= clock.DueAt ? SlaState.Met : SlaState.MissedButDone);
        }

        if (clock.PausedSince is { } since)
        {
            return (Extend(clock.DueAt, PausedMinutes(since, now, calendar), calendar), SlaState.Paused);
        }

        // Within the due-soon window: the due time is no later than that many business minutes from now.
        var state = now > clock.DueAt ? SlaState.Breached
            : clock.DueAt <= calendar.AddBusinessMinutes(now, dueSoonMinutes) ? SlaState.DueSoon
            : SlaState.OnTrack;
        return (clock.DueAt, state);
    }

    /// <summary>Business minutes after the due time (0 when on time), rounded up to whole minutes: what late points count.</summary>
    public static int MinutesOver(DateTimeOffset dueAt, DateTimeOffset doneAt, BusinessCalendar calendar) =>
        doneAt <= dueAt ? 0 : (int)Math.Ceiling(calendar.BusinessMinutesBetween(dueAt, doneAt) - 1e-9);

}
