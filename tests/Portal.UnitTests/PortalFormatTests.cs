using Portal.Web.Components.Shared;

namespace Portal.UnitTests;

public sealed class PortalFormatTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("zh-Hans")]
    public void Dates_and_times_read_the_same_in_every_language(string culture)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal("2026-12-02", PortalFormat.Date(new DateOnly(2026, 12, 2)));
        Assert.Equal("2026-12-02 06:02", PortalFormat.DateTime(new DateTimeOffset(2026, 12, 1, 22, 2, 0, TimeSpan.Zero), Shanghai));
        Assert.Equal("2026-12-02", PortalFormat.Date(new DateTimeOffset(2026, 12, 1, 22, 2, 0, TimeSpan.Zero), Shanghai));
    }

    [Fact]
    public void Times_use_the_24_hour_clock_and_the_given_zone()
    {
        var evening = new DateTimeOffset(2026, 6, 30, 10, 30, 59, TimeSpan.Zero);

        Assert.Equal("2026-06-30 18:30", PortalFormat.DateTime(evening, Shanghai));
        Assert.Equal("2026-06-30 10:30", PortalFormat.DateTime(evening, TimeZoneInfo.Utc));
        Assert.Equal("2026-06-30 18:30", PortalFormat.DateTime(evening.ToOffset(TimeSpan.FromHours(8))));
    }

    [Fact]
    public void A_time_near_midnight_falls_on_the_zone_s_own_day()
    {
        var newYear = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal("2027-01-01", PortalFormat.Date(newYear, Shanghai));
        Assert.Equal("2027-01-01 00:00", PortalFormat.DateTime(newYear, Shanghai));
        Assert.Equal("2026-12-31", PortalFormat.Date(newYear, TimeZoneInfo.Utc));
    }
}
