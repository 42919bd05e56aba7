using System.Globalization;

namespace Portal.Web.Components.Shared;

/// <summary>
/// How the portal writes dates and times, the same in every language: 2026-12-02 and 2026-12-02 06:02 (24-hour
/// clock, in the reader's time zone). No client misreads it, which the culture's short forms (12/2/2026 6:02 AM,
/// 2026/12/2) do not promise.
/// </summary>
public static class PortalFormat
{
    public const string DatePattern = "yyyy-MM-dd";
    public const string DateTimePattern = "yyyy-MM-dd HH:mm";

    public static string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.InvariantCulture);

    /// <summary>The day an instant falls on in <paramref name="zone"/>.</summary>
    public static string Date(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(DatePattern, CultureInfo.InvariantCulture);

    /// <summary>An instant as the clock in <paramref name="zone"/> shows it, to the minute.</summary>
    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) => DateTime(TimeZoneInfo.ConvertTime(instant, zone));

    /// <summary>A time already in the reader's zone, as its own offset shows it.</summary>
    public static string DateTime(DateTimeOffset localTime) => localTime.ToString(DateTimePattern, CultureInfo.InvariantCulture);
}
