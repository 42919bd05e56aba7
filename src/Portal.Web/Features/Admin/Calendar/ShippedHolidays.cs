using System.Text.Json;
using Portal.Web.Features.Admin.Settings;

namespace Portal.Web.Features.Admin.Calendar;

/// <summary>
/// Mainland China's public holidays and make-up working days that ship with the portal (china-holidays.json, embedded),
/// taken from the State Council's notice for each year. They are the calendar's days until an admin saves it; later
/// years are added on /admin/settings when the State Council announces them.
/// </summary>
public static class ShippedHolidays
{
    private const string ResourceName = "Portal.Web.Admin.ChinaHolidays.json";

    private static readonly Lazy<IReadOnlyList<CalendarDay>> s_days = new(Load);

    /// <summary>The shipped days; make-up working days open with the standard hours (09:00–17:30).</summary>
    public static IReadOnlyList<CalendarDay> Days => s_days.Value;

    private static List<CalendarDay> Load()
    {
        using var stream = typeof(ShippedHolidays).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<HolidayFile>(stream, SettingsStore.Json)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        return file.Days.Select(d => d.Kind == CalendarDayKind.WorkingDay
                ? d with { Opens = BusinessCalendarSettings.StandardOpens, Closes = BusinessCalendarSettings.StandardCloses }
                : d)
            .OrderBy(d => d.Date).ToList();
    }

    private sealed record HolidayFile(string Source, IReadOnlyList<CalendarDay> Days);
}
