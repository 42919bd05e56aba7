using Microsoft.JSInterop;
using Portal.Web.Features.Admin.Calendar;

namespace Portal.Web.Features.Booking.Ui;

/// <summary>
/// The time zone slots and appointments are shown in: the browser's IANA zone (Intl.DateTimeFormat), asked once the
/// page is interactive, else the business calendar's zone.
/// </summary>
public static class ViewerTimeZone
{
    public static async Task<TimeZoneInfo> DetectAsync(IJSRuntime js, TimeZoneInfo fallback)
    {
        try
        {
            await using var format = await js.InvokeAsync<IJSObjectReference>("Intl.DateTimeFormat");
            var options = await format.InvokeAsync<ResolvedOptions>("resolvedOptions");
            return !string.IsNullOrWhiteSpace(options.TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone) ? zone : fallback;
        }
        catch (JSException)
        {
            return fallback;
        }
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone, string pattern) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(pattern, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ResolvedOptions(string? TimeZone);
}
