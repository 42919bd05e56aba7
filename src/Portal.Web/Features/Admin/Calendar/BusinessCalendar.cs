using System.Globalization;

namespace Portal.Web.Features.Admin.Calendar;

/// <summary>When a working day opens and closes, in the calendar's time zone. Closing is after opening on the same day.</summary>
public sealed record OpeningHours(TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// The firm's business calendar (pure, no I/O): opening hours per weekday, holidays (closed all day) and extra working
/// days (调休: open on a day that is otherwise closed, with their own hours), in one time zone. Every answer is an
/// instant in that zone's offset; instants given in any offset (UTC included) mean the same moment.
/// <para>
/// Opening periods run from opening (included) to closing (excluded): at 17:30 on a 09:00–17:30 day the firm is closed.
/// </para>
/// </summary>
public sealed class BusinessCalendar
{
    private readonly Dictionary<DayOfWeek, OpeningHours> _week;
    private readonly HashSet<DateOnly> _holidays;
    private readonly Dictionary<DateOnly, OpeningHours> _extraWorkingDays;

    public BusinessCalendar(
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, OpeningHours> week,
        IEnumerable<DateOnly> holidays,
        IReadOnlyDictionary<DateOnly, OpeningHours> extraWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        _week = week.ToDictionary();
        _holidays = holidays.ToHashSet();
        _extraWorkingDays = extraWorkingDays.ToDictionary();
        if (_week.Count == 0)
        {
            // Without one open weekday "the next opening" might never come.
            throw new ArgumentException("At least one weekday must be open.", nameof(week));
        }

        foreach (var hours in _week.Values.Concat(_extraWorkingDays.Values))
        {
            if (hours.Closes <= hours.Opens)
            {
                throw new ArgumentException($"Closing ({hours.Closes}) must be after opening ({hours.Opens}).", nameof(week));
            }
        }

        if (_extraWorkingDays.Keys.Where(_holidays.Contains).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList() is [_, ..] both)
        {
            throw new ArgumentException($"A day cannot be a holiday and an extra working day: {string.Join(", ", both)}.", nameof(extraWorkingDays));
        }

        TimeZone = timeZone;
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The day's opening hours, or null when the firm is closed all day (a holiday, or a closed weekday).</summary>
    public OpeningHours? HoursOn(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return null;
        }

        return _extraWorkingDays.TryGetValue(date, out var extra) ? extra : _week.GetValueOrDefault(date.DayOfWeek);
    }

    public bool IsWorkingDay(DateOnly date) => HoursOn(date) is not null;

    /// <summary>True on a public holiday (closed all day, whatever the weekday).</summary>
    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    /// <summary>The calendar date of an instant in the calendar's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = Local(instant);
        var hours = HoursOn(DateOnly.FromDateTime(local.DateTime));
        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours is not null && time >= hours.Opens && time < hours.Closes;
    }

    /// <summary>The instant itself while open; otherwise the next opening time.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant) => Periods(instant).First().Start;

    /// <summary>
    /// The instant when <paramref name="minutes"/> minutes of opening time have passed after <paramref name="instant"/>
    /// (time while closed does not count). A limit that uses up a day exactly ends at that day's closing time, not at
    /// the next opening. Zero minutes is the instant itself.
    /// </summary>
    public DateTimeOffset AddBusinessMinutes(DateTimeOffset instant, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        if (minutes == 0)
        {
            return Local(instant);
        }

        var remaining = TimeSpan.FromMinutes(minutes);
        foreach (var (start, end) in Periods(instant))
        {
            var length = end - start;
            if (remaining <= length)
            {
                return Local(start + remaining);
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Unreachable: the periods never end.");
    }

    /// <summary>
    /// A limit of <paramref name="days"/> working days. Counting starts at <see cref="NextOpening"/> (the instant itself
    /// while open, so a request that arrives at night counts from the next opening); the limit is the same time of day
    /// on the <paramref name="days"/>-th working day after that, moved into that day's hours when it falls outside them
    /// (to its opening if earlier, to its closing if later). Zero days is the next opening.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset instant, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = Local(NextOpening(instant));
        var timeOfDay = TimeOnly.FromDateTime(start.DateTime);
        var date = DateOnly.FromDateTime(start.DateTime);
        var hours = HoursOn(date)!;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (HoursOn(date) is { } next)
            {
                hours = next;
                counted++;
            }
        }

        var time = timeOfDay < hours.Opens ? hours.Opens : timeOfDay > hours.Closes ? hours.Closes : timeOfDay;
        return At(date, time);
    }

    /// <summary>Minutes of opening time from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public double BusinessMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -BusinessMinutesBetween(to, from);
        }

        var total = TimeSpan.Zero;
        foreach (var (start, end) in Periods(from))
        {
            if (start >= to)
            {
                break;
            }

            total += (end < to ? end : to) - start;
        }

        return total.TotalMinutes;
    }

    /// <summary>The opening periods from <paramref name="instant"/> on, the first one cut at the instant; endless.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Periods(DateTimeOffset instant)
    {
        // Periods never cross midnight, so the instant's own local date is the first one that can hold it.
        for (var date = DateOf(instant); ; date = date.AddDays(1))
        {
            if (HoursOn(date) is not { } hours)
            {
                continue;
            }

            var end = At(date, hours.Closes);
            if (end <= instant)
            {
                continue;
            }

            var start = At(date, hours.Opens);
            yield return (start > instant ? start : instant, end);
        }
    }

    private DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>
    /// The instant of a wall-clock time on a date in the calendar's zone. A time skipped by a daylight-saving change
    /// moves forward past the gap; a time that happens twice means its first occurrence.
    /// </summary>
    private DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
