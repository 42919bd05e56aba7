using Portal.Web.Features.Admin.Calendar;

namespace Portal.UnitTests.Calendar;

/// <summary>
/// The business calendar as shipped: Monday to Friday 09:00–17:30 in Asia/Shanghai with mainland China's 2026 public
/// holidays and make-up working days. Times are written in China Standard Time (UTC+8) unless a test is about UTC.
/// </summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly BusinessCalendar Shipped =
        new BusinessCalendarSettings("Asia/Shanghai", BusinessCalendarSettings.StandardWeek, ShippedHolidays.Days).ToCalendar();

    private static DateTimeOffset Cst(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, China);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private static BusinessCalendar With(IEnumerable<CalendarDay> days, string zone = "Asia/Shanghai") =>
        new BusinessCalendarSettings(zone, BusinessCalendarSettings.StandardWeek, days.ToList()).ToCalendar();

    // ---- IsOpen ----

    [Theory]
    [InlineData(2026, 12, 1, 9, 0, true)] // Tuesday, opening minute
    [InlineData(2026, 12, 1, 8, 59, false)] // a minute before
    [InlineData(2026, 12, 1, 12, 0, true)]
    [InlineData(2026, 12, 1, 17, 29, true)] // last minute
    [InlineData(2026, 12, 1, 17, 30, false)] // closing time itself is closed
    [InlineData(2026, 12, 1, 21, 0, false)] // evening
    [InlineData(2026, 12, 1, 0, 0, false)] // midnight
    [InlineData(2026, 12, 5, 10, 0, false)] // Saturday
    [InlineData(2026, 12, 6, 10, 0, false)] // Sunday
    [InlineData(2026, 10, 1, 10, 0, false)] // 国庆节, a Thursday
    [InlineData(2026, 10, 7, 10, 0, false)] // its last day, a Wednesday
    [InlineData(2026, 10, 8, 10, 0, true)] // back at work
    [InlineData(2026, 2, 16, 10, 0, false)] // 春节, a Monday
    [InlineData(2026, 2, 23, 10, 0, false)] // 春节's last day, a Monday
    [InlineData(2026, 1, 1, 10, 0, false)] // 元旦
    [InlineData(2026, 4, 6, 10, 0, false)] // 清明节 Monday
    [InlineData(2026, 5, 5, 10, 0, false)] // 劳动节 Tuesday
    [InlineData(2026, 6, 19, 10, 0, false)] // 端午节 Friday
    [InlineData(2026, 9, 25, 10, 0, false)] // 中秋节 Friday
    [InlineData(2026, 1, 4, 10, 0, true)] // make-up Sunday after 元旦
    [InlineData(2026, 2, 14, 10, 0, true)] // make-up Saturday before 春节
    [InlineData(2026, 2, 28, 10, 0, true)] // make-up Saturday after 春节
    [InlineData(2026, 5, 9, 10, 0, true)] // make-up Saturday after 劳动节
    [InlineData(2026, 9, 20, 10, 0, true)] // make-up Sunday before 国庆节
    [InlineData(2026, 10, 10, 10, 0, true)] // make-up Saturday after 国庆节
    [InlineData(2026, 1, 4, 17, 30, false)] // a make-up day closes like any other
    public void Is_open_in_working_hours_on_working_days_only(int year, int month, int day, int hour, int minute, bool open)
    {
        Assert.Equal(open, Shipped.IsOpen(Cst(year, month, day, hour, minute)));
    }

    [Fact]
    public void Instants_in_UTC_are_read_in_the_calendars_zone()
    {
        Assert.True(Shipped.IsOpen(Utc(2026, 12, 1, 1, 0))); // 09:00 in Shanghai
        Assert.False(Shipped.IsOpen(Utc(2026, 12, 1, 0, 59, 59))); // 08:59:59
        Assert.True(Shipped.IsOpen(Utc(2026, 12, 1, 9, 29, 59))); // 17:29:59
        Assert.False(Shipped.IsOpen(Utc(2026, 12, 1, 9, 30))); // 17:30
        Assert.False(Shipped.IsOpen(Utc(2026, 12, 4, 20, 0))); // Friday in UTC, Saturday 04:00 in Shanghai
        Assert.True(Shipped.IsOpen(Utc(2026, 1, 4, 2, 0))); // the make-up Sunday, 10:00 in Shanghai
        Assert.False(Shipped.IsOpen(Utc(2026, 9, 30, 17, 0))); // Wednesday 30 September in UTC, 国庆节 01:00 in Shanghai
        Assert.Equal(new DateOnly(2026, 10, 1), Shipped.DateOf(Utc(2026, 9, 30, 17, 0)));
    }

    [Fact]
    public void Working_days_of_2026_are_the_weekdays_less_the_holidays_plus_the_make_up_days()
    {
        var days = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i));

        // 261 weekdays, 19 of them inside a holiday, 6 make-up weekend days.
        Assert.Equal(248, days.Count(Shipped.IsWorkingDay));
        Assert.Null(Shipped.HoursOn(new DateOnly(2026, 10, 1)));
        Assert.Equal(new OpeningHours(new TimeOnly(9, 0), new TimeOnly(17, 30)), Shipped.HoursOn(new DateOnly(2026, 10, 10)));
    }

    // ---- NextOpening ----

    [Fact]
    public void Next_opening_of_an_open_instant_is_the_instant_itself()
    {
        Assert.Equal(Cst(2026, 12, 1, 11, 15), Shipped.NextOpening(Cst(2026, 12, 1, 11, 15)));
    }

    [Theory]
    [InlineData("2026-12-01 07:00", "2026-12-01 09:00")] // early morning
    [InlineData("2026-12-01 17:30", "2026-12-02 09:00")] // at closing
    [InlineData("2026-12-01 23:59", "2026-12-02 09:00")] // late evening
    [InlineData("2026-12-04 18:00", "2026-12-07 09:00")] // Friday evening to Monday
    [InlineData("2026-12-05 12:00", "2026-12-07 09:00")] // Saturday
    [InlineData("2026-02-13 18:00", "2026-02-14 09:00")] // Friday to the make-up Saturday
    [InlineData("2026-02-14 18:00", "2026-02-24 09:00")] // over the whole of 春节
    [InlineData("2026-09-30 17:30", "2026-10-08 09:00")] // over 国庆节
    [InlineData("2026-10-09 18:00", "2026-10-10 09:00")] // to the make-up Saturday after 国庆节
    [InlineData("2025-12-31 18:00", "2026-01-04 09:00")] // year end: over 元旦 to its make-up Sunday
    [InlineData("2026-07-31 18:00", "2026-08-03 09:00")] // month end on a Friday
    [InlineData("2026-12-31 18:00", "2027-01-01 09:00")] // 2027 has no holidays yet: the page warns about that
    public void Next_opening_skips_evenings_weekends_and_holidays(string from, string expected)
    {
        Assert.Equal(Parse(expected), Shipped.NextOpening(Parse(from)));
    }

    [Fact]
    public void Next_opening_is_given_in_the_calendars_zone_for_a_UTC_instant()
    {
        var opening = Shipped.NextOpening(Utc(2026, 12, 4, 10, 0)); // Friday 18:00 in Shanghai

        Assert.Equal(Utc(2026, 12, 7, 1, 0), opening);
        Assert.Equal(China, opening.Offset);
    }

    [Fact]
    public void Next_years_holidays_count_once_an_admin_adds_them()
    {
        var calendar = With([.. ShippedHolidays.Days, new(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦")]);

        Assert.Equal(Cst(2027, 1, 4, 9, 0), calendar.NextOpening(Cst(2026, 12, 31, 18, 0)));
    }

    // ---- AddBusinessMinutes ----

    [Theory]
    [InlineData("2026-12-01 10:00", 60, "2026-12-01 11:00")]
    [InlineData("2026-12-01 17:00", 30, "2026-12-01 17:30")] // uses up the day exactly: closing time, not the next opening
    [InlineData("2026-12-01 17:00", 60, "2026-12-02 09:30")] // evening skipped
    [InlineData("2026-12-01 20:00", 30, "2026-12-02 09:30")] // arrives after closing
    [InlineData("2026-12-01 06:00", 30, "2026-12-01 09:30")] // arrives before opening
    [InlineData("2026-12-01 09:00", 510, "2026-12-01 17:30")] // one whole working day
    [InlineData("2026-12-01 15:00", 240, "2026-12-02 10:30")] // a 4-hour limit
    [InlineData("2026-12-04 17:00", 60, "2026-12-07 09:30")] // Friday to Monday
    [InlineData("2026-12-05 11:00", 15, "2026-12-07 09:15")] // arrives on a Saturday
    [InlineData("2026-07-31 17:00", 60, "2026-08-03 09:30")] // month end
    [InlineData("2026-09-30 17:00", 60, "2026-10-08 09:30")] // over 国庆节
    [InlineData("2026-09-30 17:00", 30 + 510 + 510 + 30, "2026-10-10 09:30")] // through the make-up Saturday after it
    [InlineData("2026-02-13 17:00", 60, "2026-02-14 09:30")] // into the make-up Saturday before 春节
    [InlineData("2026-02-14 17:00", 60, "2026-02-24 09:30")] // over 春节
    [InlineData("2026-01-03 10:00", 30, "2026-01-04 09:30")] // arrives on 元旦, the make-up Sunday counts
    [InlineData("2025-12-31 17:00", 60, "2026-01-04 09:30")] // year end
    [InlineData("2026-12-07 09:00", 10 * 510, "2026-12-18 17:30")] // two working weeks
    public void Adding_business_minutes_counts_only_opening_time(string from, int minutes, string expected)
    {
        Assert.Equal(Parse(expected), Shipped.AddBusinessMinutes(Parse(from), minutes));
    }

    [Fact]
    public void Adding_zero_minutes_is_the_instant_and_negative_minutes_are_refused()
    {
        Assert.Equal(Cst(2026, 12, 5, 22, 0), Shipped.AddBusinessMinutes(Cst(2026, 12, 5, 22, 0), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.AddBusinessMinutes(Cst(2026, 12, 1, 10, 0), -1));
    }

    [Fact]
    public void Adding_business_minutes_to_a_UTC_instant_answers_in_the_calendars_zone()
    {
        var due = Shipped.AddBusinessMinutes(Utc(2026, 12, 1, 9, 0), 60); // 17:00 in Shanghai

        Assert.Equal(Cst(2026, 12, 2, 9, 30), due);
        Assert.Equal(China, due.Offset);
    }

    // ---- AddBusinessDays ----

    [Theory]
    [InlineData("2026-12-01 10:00", 1, "2026-12-02 10:00")]
    [InlineData("2026-12-01 10:00", 5, "2026-12-08 10:00")]
    [InlineData("2026-12-04 16:00", 1, "2026-12-07 16:00")] // Friday to Monday
    [InlineData("2026-12-04 20:00", 1, "2026-12-08 09:00")] // after closing: counts from Monday's opening
    [InlineData("2026-12-01 17:30", 1, "2026-12-03 09:00")] // at closing: counts from Wednesday's opening
    [InlineData("2026-12-05 11:00", 0, "2026-12-07 09:00")] // zero days: the next opening
    [InlineData("2026-11-30 11:00", 1, "2026-12-01 11:00")] // month end
    [InlineData("2026-09-30 10:00", 1, "2026-10-08 10:00")] // over 国庆节
    [InlineData("2026-09-30 10:00", 3, "2026-10-10 10:00")] // the make-up Saturday counts
    [InlineData("2026-09-18 10:00", 1, "2026-09-20 10:00")] // Friday to the make-up Sunday before 国庆节
    [InlineData("2026-02-13 15:00", 1, "2026-02-14 15:00")] // the make-up Saturday before 春节
    [InlineData("2026-02-13 15:00", 2, "2026-02-24 15:00")] // then over 春节
    [InlineData("2025-12-31 14:00", 1, "2026-01-04 14:00")] // year end, over 元旦
    public void Adding_business_days_keeps_the_time_on_a_later_working_day(string from, int days, string expected)
    {
        Assert.Equal(Parse(expected), Shipped.AddBusinessDays(Parse(from), days));
    }

    [Fact]
    public void A_business_day_limit_is_clipped_to_a_shorter_days_hours()
    {
        var calendar = With([new(new DateOnly(2026, 12, 5), CalendarDayKind.WorkingDay, "Saturday morning", new TimeOnly(9, 0), new TimeOnly(12, 0))]);

        Assert.Equal(Cst(2026, 12, 5, 12, 0), calendar.AddBusinessDays(Cst(2026, 12, 4, 16, 0), 1));
        Assert.Equal(Cst(2026, 12, 5, 10, 0), calendar.AddBusinessDays(Cst(2026, 12, 4, 10, 0), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessDays(Cst(2026, 12, 4, 10, 0), -1));
    }

    [Fact]
    public void A_business_day_limit_is_clipped_to_a_later_opening()
    {
        var lateMonday = BusinessCalendarSettings.StandardWeek
            .Select(w => w.Day == DayOfWeek.Monday ? w with { Opens = new TimeOnly(13, 0) } : w).ToList();
        var calendar = new BusinessCalendarSettings("Asia/Shanghai", lateMonday, []).ToCalendar();

        Assert.Equal(Cst(2026, 12, 7, 13, 0), calendar.AddBusinessDays(Cst(2026, 12, 4, 10, 0), 1));
    }

    // ---- BusinessMinutesBetween ----

    [Theory]
    [InlineData("2026-12-01 10:00", "2026-12-01 11:30", 90)]
    [InlineData("2026-12-01 10:00", "2026-12-01 10:00", 0)]
    [InlineData("2026-12-01 18:00", "2026-12-02 08:00", 0)] // a whole night
    [InlineData("2026-12-01 17:00", "2026-12-02 09:30", 60)]
    [InlineData("2026-12-04 17:00", "2026-12-07 09:30", 60)] // a weekend
    [InlineData("2026-09-30 09:00", "2026-10-08 09:00", 510)] // 国庆节 costs nothing
    [InlineData("2026-12-01 00:00", "2027-01-01 00:00", 23 * 510)] // December: 23 working days
    [InlineData("2026-01-01 00:00", "2027-01-01 00:00", 248 * 510)] // the whole of 2026
    [InlineData("2026-12-01 11:30", "2026-12-01 10:00", -90)] // backwards
    public void Business_minutes_between_two_instants(string from, string to, double minutes)
    {
        Assert.Equal(minutes, Shipped.BusinessMinutesBetween(Parse(from), Parse(to)));
    }

    [Fact]
    public void Business_minutes_between_UTC_instants_and_with_seconds()
    {
        Assert.Equal(510, Shipped.BusinessMinutesBetween(Utc(2026, 12, 1, 0, 0), Utc(2026, 12, 1, 12, 0)));
        Assert.Equal(0.5, Shipped.BusinessMinutesBetween(Utc(2026, 12, 1, 1, 0), Utc(2026, 12, 1, 1, 0, 30)));
    }

    [Fact]
    public void Minutes_added_and_counted_agree()
    {
        var start = Cst(2026, 9, 29, 16, 20);
        foreach (var minutes in new[] { 1, 45, 70, 510, 511, 1020, 5000 })
        {
            Assert.Equal(minutes, Shipped.BusinessMinutesBetween(start, Shipped.AddBusinessMinutes(start, minutes)));
        }
    }

    // ---- Time zones ----

    [Fact]
    public void A_zone_with_daylight_saving_keeps_wall_clock_hours_across_the_change()
    {
        var london = With([], "Europe/London");
        var fridayAfternoon = Utc(2026, 3, 27, 16, 0); // 16:00 GMT; summer time starts on Sunday 29 March

        Assert.Equal(Utc(2026, 3, 30, 8, 30), london.AddBusinessMinutes(fridayAfternoon, 120)); // Monday 09:30 BST
        Assert.Equal(120, london.BusinessMinutesBetween(fridayAfternoon, Utc(2026, 3, 30, 8, 30)));
        Assert.Equal(Utc(2026, 3, 30, 9, 0), london.AddBusinessDays(Utc(2026, 3, 27, 10, 0), 1)); // Monday 10:00 BST
        Assert.Equal(TimeSpan.FromHours(1), london.NextOpening(fridayAfternoon.AddHours(3)).Offset);
    }

    [Fact]
    public void An_opening_inside_the_daylight_saving_gap_moves_past_the_gap()
    {
        // New York skips 02:00–03:00 on Sunday 8 March 2026.
        var calendar = With([new(new DateOnly(2026, 3, 8), CalendarDayKind.WorkingDay, "Night shift", new TimeOnly(2, 30), new TimeOnly(5, 0))], "America/New_York");

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), calendar.NextOpening(new DateTimeOffset(2026, 3, 7, 20, 0, 0, TimeSpan.FromHours(-5))));
    }

    // ---- What a calendar must be ----

    [Fact]
    public void A_calendar_needs_an_open_weekday_and_hours_that_close_after_they_open()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var nine = new TimeOnly(9, 0);
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(zone, new Dictionary<DayOfWeek, OpeningHours>(), [], new Dictionary<DateOnly, OpeningHours>()));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(zone, new Dictionary<DayOfWeek, OpeningHours> { [DayOfWeek.Monday] = new(nine, nine) }, [], new Dictionary<DateOnly, OpeningHours>()));
        var day = new DateOnly(2026, 12, 5);
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(zone, new Dictionary<DayOfWeek, OpeningHours> { [DayOfWeek.Monday] = new(nine, new TimeOnly(17, 0)) },
            [day], new Dictionary<DateOnly, OpeningHours> { [day] = new(nine, new TimeOnly(12, 0)) }));
    }

    private static DateTimeOffset Parse(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), China);
}
