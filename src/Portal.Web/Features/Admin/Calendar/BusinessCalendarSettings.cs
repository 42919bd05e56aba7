using System.Globalization;
using Portal.Web.Features.Admin.Settings;

namespace Portal.Web.Features.Admin.Calendar;

public enum CalendarDayKind
{
    /// <summary>Closed all day (a public holiday, including the weekend days inside one).</summary>
    Holiday,

    /// <summary>Open on a day that is otherwise closed (调休 make-up working day), with its own hours.</summary>
    WorkingDay,
}

/// <summary>One weekday's hours. A closed day keeps its times, so opening it again restores them.</summary>
public sealed record WeekdayHours(DayOfWeek Day, bool Open, TimeOnly Opens, TimeOnly Closes);

/// <summary>A holiday or an extra working day (which has <see cref="Opens"/> and <see cref="Closes"/>).</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name, TimeOnly? Opens = null, TimeOnly? Closes = null);

/// <summary>The business calendar as admins edit and store it (setting <c>business-calendar</c>).</summary>
public sealed record BusinessCalendarSettings(string TimeZone, IReadOnlyList<WeekdayHours> Week, IReadOnlyList<CalendarDay> Days)
{
    public const int NameLength = 100;

    public static readonly TimeOnly StandardOpens = new(9, 0);
    public static readonly TimeOnly StandardCloses = new(17, 30);

    /// <summary>Monday first, as the firm's week and the page read.</summary>
    public static readonly IReadOnlyList<DayOfWeek> WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Monday to Friday 09:00–17:30; Saturday and Sunday closed.</summary>
    public static IReadOnlyList<WeekdayHours> StandardWeek { get; } =
        WeekOrder.Select(d => new WeekdayHours(d, d is not (DayOfWeek.Saturday or DayOfWeek.Sunday), StandardOpens, StandardCloses)).ToList();

    public bool HasHolidaysIn(int year) => Days.Any(d => d.Kind == CalendarDayKind.Holiday && d.Date.Year == year);

    /// <summary>The calendar these settings describe (they must be valid).</summary>
    public BusinessCalendar ToCalendar() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
        Week.Where(w => w.Open).ToDictionary(w => w.Day, w => new OpeningHours(w.Opens, w.Closes)),
        Days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
        Days.Where(d => d.Kind == CalendarDayKind.WorkingDay).ToDictionary(d => d.Date, d => new OpeningHours(d.Opens!.Value, d.Closes!.Value)));

    public IReadOnlyList<SettingError> Validate()
    {
        var errors = new List<SettingError>();
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add(new("timeZone", "Calendar.Error.TimeZone", TimeZone));
        }

        if (Week.Count != 7 || Week.Select(w => w.Day).Distinct().Count() != 7)
        {
            errors.Add(new("week", "Calendar.Error.Week"));
        }

        foreach (var day in Week.Where(w => w.Open && w.Closes <= w.Opens))
        {
            errors.Add(new("week:" + day.Day, "Calendar.Error.Hours"));
        }

        if (!Week.Any(w => w.Open))
        {
            errors.Add(new("week", "Calendar.Error.NoOpenDay"));
        }

        foreach (var day in Days)
        {
            var field = "day:" + Iso(day.Date);
            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Length > NameLength)
            {
                errors.Add(new(field, "Calendar.Error.DayName", Iso(day.Date), NameLength.ToString(CultureInfo.InvariantCulture)));
            }

            if (day.Kind == CalendarDayKind.WorkingDay && !(day.Opens is { } opens && day.Closes is { } closes && closes > opens))
            {
                errors.Add(new(field, "Calendar.Error.DayHours", Iso(day.Date)));
            }
        }

        foreach (var twice in Days.GroupBy(d => d.Date).Where(g => g.Count() > 1))
        {
            errors.Add(new("day:" + Iso(twice.Key), "Calendar.Error.DuplicateDate", Iso(twice.Key)));
        }

        return errors;
    }

    /// <summary>What changed since <paramref name="before"/>, for the audit trail.</summary>
    public string DescribeChangeFrom(BusinessCalendarSettings before)
    {
        var parts = new List<string>();
        if (before.TimeZone != TimeZone)
        {
            parts.Add($"time zone: {before.TimeZone} → {TimeZone}");
        }

        foreach (var day in WeekOrder)
        {
            var was = Hours(before.Week.FirstOrDefault(w => w.Day == day));
            var now = Hours(Week.FirstOrDefault(w => w.Day == day));
            if (was != now)
            {
                parts.Add($"{day}: {was} → {now}");
            }
        }

        var old = before.Days.ToLookup(d => d.Date);
        var current = Days.ToLookup(d => d.Date);
        parts.AddRange(before.Days.Where(d => !current[d.Date].Contains(d)).Select(d => "removed " + Describe(d)));
        parts.AddRange(Days.Where(d => !old[d.Date].Contains(d)).Select(d => "added " + Describe(d)));
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    private static string Hours(WeekdayHours? day) => day is { Open: true } ? $"{Time(day.Opens)}–{Time(day.Closes)}" : "closed";

    private static string Describe(CalendarDay day) => day.Kind == CalendarDayKind.Holiday
        ? $"{Iso(day.Date)} holiday {day.Name}"
        : $"{Iso(day.Date)} working day {day.Name} {(day.Opens is { } o ? Time(o) : "?")}–{(day.Closes is { } c ? Time(c) : "?")}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
