using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Booking;

namespace Portal.UnitTests.Booking;

/// <summary>
/// The pure slot generator: an adviser in Asia/Shanghai working Mon–Fri 09:00–12:00 and 13:30–17:30, 30-minute
/// meetings, buffers 10/10, notice 24 h, horizon 30 days, daily cap 6 unless a test says otherwise.
/// </summary>
public sealed class SlotGeneratorTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Monday = new(2027, 1, 4);
    private static readonly DateOnly NewYear = new(2027, 1, 1);
    private static readonly DateTimeOffset WeekBefore = new(2026, 12, 28, 0, 0, 0, TimeSpan.Zero);
    private readonly SlotGenerator _generator = new();

    private static readonly BusinessCalendar Calendar = new(
        Shanghai,
        Enumerable.Range(1, 5).ToDictionary(d => (DayOfWeek)d, _ => new OpeningHours(new TimeOnly(9, 0), new TimeOnly(17, 30))),
        [NewYear],
        new Dictionary<DateOnly, OpeningHours>());

    private static readonly IReadOnlyList<WeeklyHours> Hours = Enumerable.Range(1, 5).SelectMany(d => new[]
    {
        new WeeklyHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new WeeklyHours((DayOfWeek)d, new TimeOnly(13, 30), new TimeOnly(17, 30)),
    }).ToList();

    private static SlotRequest Request(DateOnly from, int days = 1, DateTimeOffset? now = null) =>
        new(Hours, [], Calendar, [], 30, 10, 10, 24, 30, 6, now ?? WeekBefore, from, days);

    private static DateTimeOffset At(DateOnly date, int hour, int minute) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime();

    private static string Local(Slot slot, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(slot.StartUtc, zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static BusyInterval Busy(DateOnly date, int hour, int minute, int minutes = 30) =>
        new(At(date, hour, minute), At(date, hour, minute).AddMinutes(-10), At(date, hour, minute).AddMinutes(minutes + 10));

    [Fact]
    public void A_working_day_offers_every_half_hour_that_fits_in_its_periods_in_utc()
    {
        var slots = _generator.Generate(Request(Monday));

        Assert.Equal(
            ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"],
            slots.Select(s => Local(s, Shanghai)));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 1, 0, 0, TimeSpan.Zero), slots[0].StartUtc);
        Assert.All(slots, s => Assert.Equal(TimeSpan.Zero, s.StartUtc.Offset));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.EndUtc - s.StartUtc));
    }

    [Fact]
    public void A_sixty_minute_meeting_must_end_inside_the_period()
    {
        var slots = _generator.Generate(Request(Monday) with { MeetingMinutes = 60 });

        Assert.Equal("11:00", Local(slots.Last(s => TimeZoneInfo.ConvertTime(s.StartUtc, Shanghai).Hour < 12), Shanghai));
        Assert.Equal("16:30", Local(slots[^1], Shanghai));
    }

    [Fact]
    public void Buffers_on_both_sides_keep_slots_away_from_an_appointment()
    {
        var slots = _generator.Generate(Request(Monday) with { Busy = [Busy(Monday, 10, 0)] });
        var morning = slots.Select(s => Local(s, Shanghai)).Where(t => string.CompareOrdinal(t, "12:00") < 0);

        // 09:30 would end at 10:00 and its after-buffer run into the 09:50 the appointment's before-buffer starts;
        // 10:30's before-buffer would start at 10:20, inside the appointment's after-buffer (to 10:40).
        Assert.Equal(["09:00", "11:00", "11:30"], morning);
    }

    [Fact]
    public void Without_buffers_the_neighbouring_slots_stay_open()
    {
        var slots = _generator.Generate(Request(Monday) with { Busy = [new BusyInterval(At(Monday, 10, 0), At(Monday, 10, 0), At(Monday, 10, 30))], BufferBeforeMinutes = 0, BufferAfterMinutes = 0 });

        Assert.Equal(["09:00", "09:30", "10:30", "11:00", "11:30"], slots.Select(s => Local(s, Shanghai)).Take(5));
    }

    [Fact]
    public void A_day_off_closes_the_day_and_extra_hours_open_a_saturday()
    {
        var saturday = Monday.AddDays(5);
        var request = Request(Monday, 6) with
        {
            Exceptions =
            [
                new AvailabilityException(1, Monday, true, null, null, "Training"),
                new AvailabilityException(2, saturday, false, new TimeOnly(10, 0), new TimeOnly(11, 0), "Client day"),
            ],
        };

        var slots = _generator.Generate(request);

        Assert.DoesNotContain(slots, s => Calendar.DateOf(s.StartUtc) == Monday);
        Assert.Equal(["10:00", "10:30"], slots.Where(s => Calendar.DateOf(s.StartUtc) == saturday).Select(s => Local(s, Shanghai)));
        Assert.Equal(14, slots.Count(s => Calendar.DateOf(s.StartUtc) == Monday.AddDays(1)));
    }

    [Fact]
    public void A_holiday_of_the_business_calendar_has_no_slots_though_it_is_a_working_weekday()
    {
        var slots = _generator.Generate(Request(NewYear.AddDays(-1), 2));

        Assert.Equal(DayOfWeek.Friday, NewYear.DayOfWeek);
        Assert.DoesNotContain(slots, s => Calendar.DateOf(s.StartUtc) == NewYear);
        Assert.Equal(14, slots.Count);
    }

    [Fact]
    public void The_minimum_notice_hides_the_slots_that_start_too_soon()
    {
        // Sunday 10:15 in Shanghai; 24 hours' notice: Monday from 10:15 on.
        var now = At(Monday.AddDays(-1), 10, 15);

        var slots = _generator.Generate(Request(Monday, now: now));

        Assert.Equal("10:30", Local(slots[0], Shanghai));
        Assert.Equal(11, slots.Count);
    }

    [Fact]
    public void The_horizon_ends_the_bookable_days()
    {
        // Now is 08:00 on Monday 28 December in Shanghai; seven days' horizon reaches 08:00 on Monday 4 January.
        var slots = _generator.Generate(Request(Monday) with { HorizonDays = 7 });
        var later = _generator.Generate(Request(Monday) with { HorizonDays = 8 });

        Assert.Empty(slots);
        Assert.Equal(14, later.Count);
    }

    [Fact]
    public void A_full_day_by_the_daily_cap_offers_nothing_more()
    {
        var busy = new[] { Busy(Monday, 16, 0), Busy(Monday, 17, 0) };

        var capped = _generator.Generate(Request(Monday) with { Busy = busy, DailyCap = 2 });
        var room = _generator.Generate(Request(Monday) with { Busy = busy, DailyCap = 3 });

        Assert.Empty(capped);
        Assert.Equal(10, room.Count);
    }

    [Fact]
    public void A_viewer_in_london_sees_the_shanghai_hours_an_hour_later_once_summer_time_starts()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var now = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var winter = _generator.Generate(Request(new DateOnly(2027, 3, 22), now: now) with { ViewerTimeZone = london, HorizonDays = 60 });
        var summer = _generator.Generate(Request(new DateOnly(2027, 3, 29), now: now) with { ViewerTimeZone = london, HorizonDays = 60 });

        // Shanghai keeps UTC+8 all year; London moves from UTC+0 to UTC+1 on 28 March 2027.
        Assert.Equal("01:00", Local(winter[0], london));
        Assert.Equal("02:00", Local(summer[0], london));
        Assert.Equal("09:00", Local(summer[0], Shanghai));
        Assert.Equal(14, winter.Count);
        Assert.Equal(14, summer.Count);
    }

    [Fact]
    public void A_viewer_in_new_york_gets_the_shanghai_monday_morning_on_their_short_sunday()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var now = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var sunday = new DateOnly(2027, 3, 14);

        var slots = _generator.Generate(Request(sunday, now: now) with { ViewerTimeZone = newYork, HorizonDays = 60 });

        // The clocks go forward that night (a 23-hour day): Monday 09:00–11:30 in Shanghai is 21:00–23:30 EDT on Sunday;
        // the afternoon (13:30 Shanghai = 01:30 EDT Monday) belongs to the viewer's Monday.
        Assert.Equal(["21:00", "21:30", "22:00", "22:30", "23:00", "23:30"], slots.Select(s => Local(s, newYork)));
        Assert.All(slots, s => Assert.Equal(sunday, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.StartUtc, newYork).DateTime)));
    }

    [Fact]
    public void Is_open_slot_accepts_only_a_generated_start()
    {
        var request = Request(Monday);

        Assert.True(_generator.IsOpenSlot(request, At(Monday, 9, 30)));
        Assert.False(_generator.IsOpenSlot(request, At(Monday, 9, 15)));
        Assert.False(_generator.IsOpenSlot(request, At(Monday, 12, 0)));
    }
}
