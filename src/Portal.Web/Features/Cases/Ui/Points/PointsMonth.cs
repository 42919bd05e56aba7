using System.Globalization;

namespace Portal.Web.Features.Cases.Ui.Points;

/// <summary>The months the points views offer: this month and the eleven before it, as the first day of each.</summary>
public static class PointsMonth
{
    public static IReadOnlyList<DateOnly> Recent(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var first = new DateOnly(local.Year, local.Month, 1);
        return [.. Enumerable.Range(0, 12).Select(back => first.AddMonths(-back))];
    }

    public static string Name(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Points as shown: one decimal, a sign on offsets.</summary>
    public static string Format(double points) => points.ToString("+0.0;-0.0;0.0", CultureInfo.CurrentCulture);
}
