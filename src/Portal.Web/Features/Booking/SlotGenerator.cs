using Portal.Web.Features.Admin.Calendar;

namespace Portal.Web.Features.Booking;

/// <summary>A time already taken in an adviser's calendar: an appointment's start, and its range with buffers.</summary>
public sealed record BusyInterval(DateTimeOffset StartUtc, DateTimeOffset BlockedFromUtc, DateTimeOffset BlockedToUtc);

/// <summary>
/// Everything the slot generator needs, I/O done: the adviser's weekly hours and exceptions (in
/// <see cref="Calendar"/>'s time zone, whose holidays close the day), the busy ranges, the meeting's length and
/// buffers, the notice, horizon and daily cap, the clock's now, and the days asked for: <see cref="Days"/> dates
/// from <see cref="FromDate"/> in <see cref="ViewerTimeZone"/> (the business zone when null).
/// </summary>
public sealed record SlotRequest(
    IReadOnlyList<WeeklyHours> Hours,
    IReadOnlyList<AvailabilityException> Exceptions,
    BusinessCalendar Calendar,
    IReadOnlyList<BusyInterval> Busy,
    int MeetingMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int MinimumNoticeHours,
    int HorizonDays,
    int DailyCap,
    DateTimeOffset Now,
    DateOnly FromDate,
    int Days,
    TimeZoneInfo? ViewerTimeZone = null)
{
    /// <summary>Slots start on this grid from the start of each working period.</summary>
    public int StepMinutes { get; init; } = SlotGenerator.DefaultStepMinutes;
}

/// <summary>
/// The open slots of an adviser (pure: no I/O, no clock). A slot lies inside a working period of a day that is no
/// holiday and no day off; its range widened by the buffers overlaps no busy range (itself widened by its own
/// buffers); it starts no sooner than the notice and no later than the horizon; and its day (in the business zone)
/// has fewer appointments than the daily cap.
/// </summary>
public sealed class SlotGenerator
{
    public const int DefaultStepMinutes = 30;

    public IReadOnlyList<Slot> Generate(SlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MeetingMinutes <= 0 || request.Days <= 0 || request.StepMinutes <= 0)
        {
            return [];
        }

        var businessZone = request.Calendar.TimeZone;
        var viewerZone = request.ViewerTimeZone ?? businessZone;
        var windowStart = StartOfDay(request.FromDate, viewerZone);
        var windowEnd = StartOfDay(request.FromDate.AddDays(request.Days), viewerZone);
        var earliest = request.Now.AddHours(request.MinimumNoticeHours);
        var latest = request.Now.AddDays(request.HorizonDays);
        var meeting = TimeSpan.FromMinutes(request.MeetingMinutes);
        var before = TimeSpan.FromMinutes(request.BufferBeforeMinutes);
        var after = TimeSpan.FromMinutes(request.BufferAfterMinutes);
        var perDay = request.Busy
            .GroupBy(b => request.Calendar.DateOf(b.StartUtc))
            .ToDictionary(g => g.Key, g => g.Count());

        var slots = new List<Slot>();
        // The business dates that can touch the viewer's window (a day either side covers any offset difference).
        var firstDate = request.Calendar.DateOf(windowStart).AddDays(-1);
        var lastDate = request.Calendar.DateOf(windowEnd).AddDays(1);
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            if (perDay.GetValueOrDefault(date) >= request.DailyCap)
            {
                continue;
            }

            foreach (var (from, to) in PeriodsOn(request, date))
            {
                for (var start = from; start + meeting <= to; start += TimeSpan.FromMinutes(request.StepMinutes))
                {
                    var end = start + meeting;
                    if (start < windowStart || start >= windowEnd || start < earliest || start > latest)
                    {
                        continue;
                    }

                    var blockedFrom = start - before;
                    var blockedTo = end + after;
                    if (request.Busy.Any(b => b.BlockedFromUtc < blockedTo && blockedFrom < b.BlockedToUtc))
                    {
                        continue;
                    }

                    slots.Add(new Slot(start.ToUniversalTime(), end.ToUniversalTime()));
                }
            }
        }

        return slots.Distinct().OrderBy(s => s.StartUtc).ToList();
    }

    /// <summary>True when <paramref name="startUtc"/> is one of the slots generated for its day: what a booking must hit.</summary>
    public bool IsOpenSlot(SlotRequest request, DateTimeOffset startUtc) =>
        Generate(request).Any(s => s.StartUtc == startUtc);

    /// <summary>The working periods of one business date, as instants: none on a holiday or a day off; extra hours added.</summary>
    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> PeriodsOn(SlotRequest request, DateOnly date)
    {
        if (request.Calendar.IsHoliday(date))
        {
            yield break;
        }

        var exceptions = request.Exceptions.Where(e => e.Date == date).ToList();
        if (exceptions.Any(e => e.DayOff))
        {
            yield break;
        }

        var periods = request.Hours.Where(h => h.Day == date.DayOfWeek).Select(h => (h.From, h.To))
            .Concat(exceptions.Where(e => e.From is not null && e.To is not null).Select(e => (From: e.From!.Value, To: e.To!.Value)))
            .Where(p => p.To > p.From);
        foreach (var (from, to) in periods)
        {
            if (ToInstant(date, from, request.Calendar.TimeZone) is { } start && ToInstant(date, to, request.Calendar.TimeZone) is { } end && end > start)
            {
                yield return (start, end);
            }
        }
    }

    /// <summary>A wall-clock time on a date in a zone as an instant; null when the clock skips it (spring forward).</summary>
    private static DateTimeOffset? ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        // An ambiguous time (fall back) is taken at its first occurrence: the larger (daylight) offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Some zones skip midnight: the day then starts at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
