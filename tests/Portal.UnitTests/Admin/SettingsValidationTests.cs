using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Admin.Settings;

namespace Portal.UnitTests.Admin;

/// <summary>The rules the settings page shows and the settings store enforces, and what the audit trail says of a change.</summary>
public sealed class SettingsValidationTests
{
    private static readonly BusinessCalendarSettings Shipped = new("Asia/Shanghai", BusinessCalendarSettings.StandardWeek, ShippedHolidays.Days);

    private static readonly TierThresholds Defaults = new(500_000m, 200, 1_000_000m, 700);

    private static IEnumerable<(string Field, string Text)> Problems(IReadOnlyList<SettingError> errors) => errors.Select(e => (e.Field, e.Text));

    [Fact]
    public void The_shipped_calendar_is_valid()
    {
        Assert.Empty(Shipped.Validate());
    }

    [Fact]
    public void The_shipped_days_are_the_State_Councils_2026_schedule()
    {
        var holidays = ShippedHolidays.Days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToList();
        var makeUp = ShippedHolidays.Days.Where(d => d.Kind == CalendarDayKind.WorkingDay).ToList();

        // 元旦 3 days, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7.
        Assert.Equal(33, holidays.Count);
        Assert.All(holidays, d => Assert.Equal(2026, d.Year));
        Assert.Contains(new DateOnly(2026, 2, 15), holidays);
        Assert.Contains(new DateOnly(2026, 2, 23), holidays);
        Assert.Equal(
            [new DateOnly(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10)],
            makeUp.Select(d => d.Date));
        Assert.All(makeUp, d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date} is a weekend day"));
        Assert.All(makeUp, d => Assert.Equal((BusinessCalendarSettings.StandardOpens, BusinessCalendarSettings.StandardCloses), (d.Opens, d.Closes)));
        Assert.All(ShippedHolidays.Days, d => Assert.False(string.IsNullOrWhiteSpace(d.Name)));
    }

    [Fact]
    public void The_coming_years_holidays_are_known_only_once_added()
    {
        Assert.True(Shipped.HasHolidaysIn(2026));
        Assert.False(Shipped.HasHolidaysIn(2027));
        var added = Shipped with { Days = [.. Shipped.Days, new(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦")] };
        Assert.True(added.HasHolidaysIn(2027));
        var onlyMakeUp = Shipped with { Days = [new(new DateOnly(2027, 1, 2), CalendarDayKind.WorkingDay, "调休", new TimeOnly(9, 0), new TimeOnly(17, 30))] };
        Assert.False(onlyMakeUp.HasHolidaysIn(2027));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        Assert.Equal([("timeZone", "Calendar.Error.TimeZone")], Problems((Shipped with { TimeZone = "Mars/Olympus_Mons" }).Validate()));
        Assert.Equal([("timeZone", "Calendar.Error.TimeZone")], Problems((Shipped with { TimeZone = " " }).Validate()));
    }

    [Fact]
    public void An_open_day_must_close_after_it_opens()
    {
        var week = Shipped.Week.Select(w => w.Day == DayOfWeek.Wednesday ? w with { Closes = w.Opens } : w).ToList();
        Assert.Equal([("week:Wednesday", "Calendar.Error.Hours")], Problems((Shipped with { Week = week }).Validate()));

        // A closed day's times do not matter.
        var closedSaturday = Shipped.Week.Select(w => w.Day == DayOfWeek.Saturday ? w with { Opens = new(18, 0), Closes = new(8, 0) } : w).ToList();
        Assert.Empty((Shipped with { Week = closedSaturday }).Validate());
    }

    [Fact]
    public void At_least_one_weekday_is_open_and_each_weekday_is_given_once()
    {
        var closed = Shipped.Week.Select(w => w with { Open = false }).ToList();
        Assert.Equal([("week", "Calendar.Error.NoOpenDay")], Problems((Shipped with { Week = closed }).Validate()));
        Assert.Contains(("week", "Calendar.Error.Week"), Problems((Shipped with { Week = Shipped.Week.Take(6).ToList() }).Validate()));
    }

    [Fact]
    public void Days_need_a_name_a_single_entry_and_a_working_day_its_hours()
    {
        var day = new DateOnly(2027, 2, 6);
        BusinessCalendarSettings WithDays(params CalendarDay[] days) => Shipped with { Days = days };

        Assert.Equal([("day:2027-02-06", "Calendar.Error.DayName")], Problems(WithDays(new CalendarDay(day, CalendarDayKind.Holiday, " ")).Validate()));
        Assert.Equal([("day:2027-02-06", "Calendar.Error.DayName")], Problems(WithDays(new CalendarDay(day, CalendarDayKind.Holiday, new string('节', 101))).Validate()));
        Assert.Empty(WithDays(new CalendarDay(day, CalendarDayKind.Holiday, new string('节', 100))).Validate());
        Assert.Equal([("day:2027-02-06", "Calendar.Error.DayHours")], Problems(WithDays(new CalendarDay(day, CalendarDayKind.WorkingDay, "调休")).Validate()));
        Assert.Equal([("day:2027-02-06", "Calendar.Error.DayHours")],
            Problems(WithDays(new CalendarDay(day, CalendarDayKind.WorkingDay, "调休", new TimeOnly(12, 0), new TimeOnly(9, 0))).Validate()));
        Assert.Equal([("day:2027-02-06", "Calendar.Error.DuplicateDate")],
            Problems(WithDays(new CalendarDay(day, CalendarDayKind.Holiday, "春节"), new(day, CalendarDayKind.WorkingDay, "调休", new TimeOnly(9, 0), new TimeOnly(17, 30))).Validate()));
        Assert.Equal(["2027-02-06"], WithDays(new CalendarDay(day, CalendarDayKind.Holiday, "春节"), new(day, CalendarDayKind.Holiday, "春节")).Validate().Single().Arguments);
    }

    [Fact]
    public void A_calendar_change_reads_as_before_and_after()
    {
        var week = Shipped.Week.Select(w => w.Day == DayOfWeek.Saturday ? w with { Open = true, Closes = new TimeOnly(12, 0) } : w).ToList();
        var changed = Shipped with
        {
            TimeZone = "Asia/Hong_Kong",
            Week = week,
            Days = [.. Shipped.Days.Where(d => d.Date != new DateOnly(2026, 10, 10)), new(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦")],
        };

        Assert.Equal(
            "time zone: Asia/Shanghai → Asia/Hong_Kong; Saturday: closed → 09:00–12:00; "
            + "removed 2026-10-10 working day 国庆节调休上班 National Day make-up working day 09:00–17:30; added 2027-01-01 holiday 元旦",
            changed.DescribeChangeFrom(Shipped));
        Assert.Equal("no change", Shipped.DescribeChangeFrom(Shipped with { Days = Shipped.Days.ToList() }));
    }

    [Fact]
    public void The_default_thresholds_are_valid()
    {
        Assert.Empty(Defaults.Validate());
    }

    [Fact]
    public void Thresholds_must_be_positive_and_not_absurd()
    {
        Assert.Equal(
            [("goldDeposits", "Tiers.Error.Positive"), ("goldLots", "Tiers.Error.Positive"), ("diamondDeposits", "Tiers.Error.Positive"), ("diamondLots", "Tiers.Error.Positive")],
            Problems(new TierThresholds(0, 0, -1, -5).Validate()));
        Assert.Equal([("diamondDeposits", "Tiers.Error.TooLarge")], Problems((Defaults with { DiamondDeposits = 1_000_000_000_001m }).Validate()));
        Assert.Equal([("diamondLots", "Tiers.Error.TooLarge")], Problems((Defaults with { DiamondLots = 1_000_001 }).Validate()));
        Assert.Equal([("goldDeposits", "Tiers.Error.Cents")], Problems((Defaults with { GoldDeposits = 500_000.005m }).Validate()));
        Assert.Empty((Defaults with { GoldDeposits = 500_000.5m }).Validate());
    }

    [Fact]
    public void Diamond_needs_more_than_Gold_on_both_thresholds()
    {
        Assert.Equal(
            [("diamondDeposits", "Tiers.Error.DiamondDeposits"), ("diamondLots", "Tiers.Error.DiamondLots")],
            Problems((Defaults with { DiamondDeposits = 500_000m, DiamondLots = 150 }).Validate()));
        Assert.Equal(["500000"], (Defaults with { DiamondDeposits = 400_000m }).Validate().Single().Arguments);
    }

    [Fact]
    public void A_threshold_change_reads_as_before_and_after()
    {
        Assert.Equal("Gold deposits: 500000 → 600000; Diamond lots: 700 → 800",
            (Defaults with { GoldDeposits = 600_000m, DiamondLots = 800 }).DescribeChangeFrom(Defaults));
        Assert.Equal("no change", Defaults.DescribeChangeFrom(Defaults));
    }

    [Fact]
    public void Saved_thresholds_make_the_tier_rule()
    {
        var rule = new TierThresholds(100_000m, 50, 300_000m, 100).ToRule();

        Assert.Equal(Portal.Web.Features.Accounts.ClientTier.Gold, rule.Compute(100_000m, 50));
        Assert.Equal((300_000m, 100), rule.NextTierNeeds(Portal.Web.Features.Accounts.ClientTier.Gold));
    }
}
