using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Chat.Routing;

namespace Portal.UnitTests.Chat;

public sealed class OfflineDecisionTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly BusinessCalendar Shipped =
        new BusinessCalendarSettings("Asia/Shanghai", BusinessCalendarSettings.StandardWeek, ShippedHolidays.Days).ToCalendar();

    [Fact]
    public void Nobody_online_in_business_hours_is_offline_with_no_next_opening_needed()
    {
        var tuesdayNoon = new DateTimeOffset(2026, 12, 1, 12, 0, 0, China);

        var availability = OfflineDecision.Decide(0, Shipped, tuesdayNoon);

        Assert.False(availability.AgentsOnline);
        Assert.True(availability.BusinessOpen);
        Assert.Null(availability.NextOpening);
    }

    [Fact]
    public void Nobody_online_at_night_is_offline_until_the_next_opening()
    {
        var tuesdayNight = new DateTimeOffset(2026, 12, 1, 22, 0, 0, China);

        var availability = OfflineDecision.Decide(0, Shipped, tuesdayNight);

        Assert.False(availability.AgentsOnline);
        Assert.False(availability.BusinessOpen);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, China), availability.NextOpening);
    }

    [Fact]
    public void An_agent_online_at_night_opens_the_chat()
    {
        var saturdayNight = new DateTimeOffset(2026, 12, 5, 23, 0, 0, China);

        var availability = OfflineDecision.Decide(1, Shipped, saturdayNight);

        Assert.True(availability.AgentsOnline);
        Assert.False(availability.BusinessOpen);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, China), availability.NextOpening);
    }

    [Fact]
    public void Over_a_public_holiday_the_answer_is_expected_when_work_resumes()
    {
        var nationalDay = new DateTimeOffset(2026, 10, 1, 10, 0, 0, China);

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 9, 0, 0, China), OfflineDecision.Decide(0, Shipped, nationalDay).NextOpening);
    }

    [Fact]
    public void In_business_hours_the_answer_is_expected_today()
    {
        var tuesdayNoon = new DateTimeOffset(2026, 12, 1, 12, 0, 0, China);

        var availability = OfflineDecision.Decide(0, Shipped, tuesdayNoon);

        Assert.True(availability.BusinessOpen);
        Assert.Null(availability.NextOpening);
    }
}
