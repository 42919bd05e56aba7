using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Cases;

namespace Portal.UnitTests.Cases;

/// <summary>
/// The SLA clock on the shipped calendar: Monday to Friday 09:00–17:30 in Asia/Shanghai with mainland China's 2026
/// holidays and make-up working days. Times are China Standard Time (UTC+8). 2026-12-01 is a Tuesday.
/// </summary>
public sealed class SlaClockTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly BusinessCalendar Calendar =
        new BusinessCalendarSettings("Asia/Shanghai", BusinessCalendarSettings.StandardWeek, ShippedHolidays.Days).ToCalendar();

    private static DateTimeOffset Cst(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, China);

    private static DateTimeOffset Due(DateTimeOffset start, TimeLimit limit, int promptly = 10) => SlaClock.DueAt(start, limit, promptly, Calendar);

    // ---- minute limits ----

    [Fact]
    public void Minutes_inside_the_day_are_wall_clock_minutes() =>
        Assert.Equal(Cst(12, 1, 10, 30), Due(Cst(12, 1, 10, 0), TimeLimit.Minutes(30)));

    [Fact]
    public void Minutes_that_run_past_closing_continue_the_next_morning() =>
        Assert.Equal(Cst(12, 2, 9, 20), Due(Cst(12, 1, 17, 20), TimeLimit.Minutes(30)));

    [Fact]
    public void A_request_sent_in_the_evening_counts_from_the_next_opening() =>
        Assert.Equal(Cst(12, 2, 9, 15), Due(Cst(12, 1, 21, 0), TimeLimit.Minutes(15)));

    [Fact]
    public void A_limit_that_uses_up_the_day_ends_at_closing() =>
        Assert.Equal(Cst(12, 1, 17, 30), Due(Cst(12, 1, 17, 0), TimeLimit.Minutes(30)));

    [Fact]
    public void Friday_afternoon_runs_into_Monday() =>
        Assert.Equal(Cst(12, 7, 9, 30), Due(Cst(12, 4, 17, 0), TimeLimit.Minutes(60)));

    [Fact]
    public void A_weekend_request_counts_from_Monday_morning() =>
        Assert.Equal(Cst(12, 7, 9, 3), Due(Cst(12, 5, 11, 0), TimeLimit.Minutes(3)));

    [Fact]
    public void The_National_Day_week_does_not_count() =>
        // Wednesday 30 September, then 1–7 October closed: Thursday 8 October.
        Assert.Equal(Cst(10, 8, 9, 30), Due(Cst(9, 30, 17, 0), TimeLimit.Minutes(60)));

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day() =>
        // Friday 27 February, then the make-up Saturday 28 February after the Spring Festival.
        Assert.Equal(Cst(2, 28, 9, 30), Due(Cst(2, 27, 17, 0), TimeLimit.Minutes(60)));

    [Fact]
    public void A_make_up_Sunday_counts_as_a_working_day() =>
        // Sunday 20 September is worked before National Day.
        Assert.Equal(Cst(9, 20, 9, 30), Due(Cst(9, 19, 10, 0), TimeLimit.Minutes(30)));

    [Fact]
    public void Minutes_cross_a_month_end() =>
        // Friday 31 July 16:00 + 2 h: 90 minutes that day, 30 on Monday 3 August.
        Assert.Equal(Cst(8, 3, 9, 30), Due(Cst(7, 31, 16, 0), TimeLimit.Minutes(120)));

    [Fact]
    public void The_VIP_four_hours_are_business_hours() =>
        // Tuesday 15:00: 150 minutes that day, 90 the next morning.
        Assert.Equal(Cst(12, 2, 10, 30), Due(Cst(12, 1, 15, 0), TimeLimit.Minutes(240)));

    [Fact]
    public void Instants_in_UTC_mean_the_same_moment() =>
        Assert.Equal(Cst(12, 1, 10, 30).UtcDateTime, Due(Cst(12, 1, 10, 0).ToUniversalTime(), TimeLimit.Minutes(30)).UtcDateTime);

    // ---- working days ----

    [Fact]
    public void One_working_day_is_the_same_time_the_next_working_day() =>
        Assert.Equal(Cst(12, 2, 14, 0), Due(Cst(12, 1, 14, 0), TimeLimit.WorkingDays(1)));

    [Fact]
    public void One_working_day_from_the_evening_starts_at_the_next_opening() =>
        Assert.Equal(Cst(12, 3, 9, 0), Due(Cst(12, 1, 21, 0), TimeLimit.WorkingDays(1)));

    [Fact]
    public void One_working_day_from_Friday_is_Monday() =>
        Assert.Equal(Cst(12, 7, 11, 0), Due(Cst(12, 4, 11, 0), TimeLimit.WorkingDays(1)));

    [Fact]
    public void One_working_day_across_a_month_end() =>
        // Friday 30 October → Monday 2 November.
        Assert.Equal(Cst(11, 2, 14, 0), Due(Cst(10, 30, 14, 0), TimeLimit.WorkingDays(1)));

    [Fact]
    public void One_working_day_before_a_holiday_week_lands_after_it() =>
        Assert.Equal(Cst(10, 8, 10, 0), Due(Cst(9, 30, 10, 0), TimeLimit.WorkingDays(1)));

    [Fact]
    public void Working_days_count_a_make_up_Saturday() =>
        // Friday 9 October → the make-up Saturday 10 October.
        Assert.Equal(Cst(10, 10, 10, 0), Due(Cst(10, 9, 10, 0), TimeLimit.WorkingDays(1)));

    [Fact]
    public void Five_working_days_skip_the_weekend() =>
        Assert.Equal(Cst(12, 8, 10, 0), Due(Cst(12, 1, 10, 0), TimeLimit.WorkingDays(5)));

    // ---- promptly ----

    [Fact]
    public void Promptly_is_the_settings_minutes_of_business_time()
    {
        Assert.Equal(Cst(12, 1, 10, 10), Due(Cst(12, 1, 10, 0), TimeLimit.Promptly));
        Assert.Equal(Cst(12, 1, 10, 25), Due(Cst(12, 1, 10, 0), TimeLimit.Promptly, promptly: 25));
        Assert.Equal(Cst(12, 2, 9, 5), Due(Cst(12, 1, 17, 25), TimeLimit.Promptly));
    }

    // ---- pauses ----

    [Fact]
    public void A_pause_inside_the_day_pushes_the_due_time_by_its_minutes()
    {
        var paused = SlaClock.PausedMinutes(Cst(12, 1, 10, 0), Cst(12, 1, 10, 30), Calendar);
        Assert.Equal(30, paused);
        Assert.Equal(Cst(12, 1, 11, 30), SlaClock.Extend(Cst(12, 1, 11, 0), paused, Calendar));
    }

    [Fact]
    public void A_pause_overnight_counts_only_opening_hours()
    {
        // 17:00–17:30 and 09:00–10:00: 90 minutes.
        var paused = SlaClock.PausedMinutes(Cst(12, 1, 17, 0), Cst(12, 2, 10, 0), Calendar);
        Assert.Equal(90, paused);
        Assert.Equal(Cst(12, 2, 11, 30), SlaClock.Extend(Cst(12, 2, 10, 0), paused, Calendar));
    }

    [Fact]
    public void A_pause_over_a_weekend_counts_nothing_for_the_weekend() =>
        Assert.Equal(30, SlaClock.PausedMinutes(Cst(12, 4, 17, 0), Cst(12, 7, 9, 0), Calendar));

    [Fact]
    public void A_pushed_due_time_that_passes_closing_continues_the_next_day() =>
        Assert.Equal(Cst(12, 2, 9, 30), SlaClock.Extend(Cst(12, 1, 17, 0), 60, Calendar));

    [Fact]
    public void No_pause_leaves_the_due_time()
    {
        Assert.Equal(Cst(12, 1, 11, 0), SlaClock.Extend(Cst(12, 1, 11, 0), 0, Calendar));
        Assert.Equal(0, SlaClock.PausedMinutes(Cst(12, 1, 11, 0), Cst(12, 1, 10, 0), Calendar));
    }

    // ---- state ----

    private static SlaInfo At(DateTimeOffset now, DateTimeOffset due, DateTimeOffset? pausedSince = null, DateTimeOffset? done = null) =>
        SlaClock.Evaluate(new SlaSnapshot(due, null, null, pausedSince, done), now, 60, Calendar);

    [Fact]
    public void Far_from_the_due_time_is_on_track()
    {
        var info = At(Cst(12, 1, 10, 0), Cst(12, 1, 14, 0));
        Assert.Equal(SlaState.OnTrack, info.State);
        Assert.Equal(240, info.BusinessMinutesLeft);
        Assert.False(info.Paused);
    }

    [Fact]
    public void Within_the_due_soon_minutes_is_due_soon()
    {
        Assert.Equal(SlaState.DueSoon, At(Cst(12, 1, 13, 0), Cst(12, 1, 14, 0)).State);
        Assert.Equal(SlaState.DueSoon, At(Cst(12, 1, 14, 0), Cst(12, 1, 14, 0)).State);
        Assert.Equal(SlaState.OnTrack, At(Cst(12, 1, 12, 59), Cst(12, 1, 14, 0)).State);
    }

    [Fact]
    public void Due_soon_counts_business_minutes_not_the_night() =>
        // Due at 09:30 tomorrow, now 17:00: 30 + 30 business minutes left.
        Assert.Equal(SlaState.DueSoon, At(Cst(12, 1, 17, 0), Cst(12, 2, 9, 30)).State);

    [Fact]
    public void After_the_due_time_is_breached_with_negative_minutes()
    {
        var info = At(Cst(12, 1, 14, 20), Cst(12, 1, 14, 0));
        Assert.Equal(SlaState.Breached, info.State);
        Assert.Equal(-20, info.BusinessMinutesLeft);
    }

    [Fact]
    public void Breached_overnight_counts_business_minutes_over() =>
        Assert.Equal(-40, At(Cst(12, 2, 9, 10), Cst(12, 1, 17, 0)).BusinessMinutesLeft);

    [Fact]
    public void Waiting_on_the_client_is_paused_and_the_minutes_left_stay()
    {
        var info = At(Cst(12, 1, 16, 0), Cst(12, 1, 14, 0), pausedSince: Cst(12, 1, 13, 0));
        Assert.Equal(SlaState.Paused, info.State);
        Assert.True(info.Paused);
        Assert.Equal(60, info.BusinessMinutesLeft);
        // The due time as if the pause ended now: 3 business hours later.
        Assert.Equal(Cst(12, 1, 17, 0), info.DueAt);
    }

    [Fact]
    public void Done_in_time_is_met_and_done_late_is_missed_but_done()
    {
        var met = At(Cst(12, 9, 10, 0), Cst(12, 1, 14, 0), done: Cst(12, 1, 13, 30));
        Assert.Equal(SlaState.Met, met.State);
        Assert.Equal(30, met.BusinessMinutesLeft);
        var late = At(Cst(12, 9, 10, 0), Cst(12, 1, 14, 0), done: Cst(12, 1, 14, 7));
        Assert.Equal(SlaState.MissedButDone, late.State);
        Assert.Equal(-7, late.BusinessMinutesLeft);
    }

    [Fact]
    public void Done_exactly_at_the_due_time_is_met() =>
        Assert.Equal(SlaState.Met, At(Cst(12, 9, 10, 0), Cst(12, 1, 14, 0), done: Cst(12, 1, 14, 0)).State);

    [Fact]
    public void A_glance_gives_the_state_and_due_time_of_the_full_evaluation_around_the_clock_and_the_calendar()
    {
        var due = Cst(12, 2, 9, 30);
        for (var now = Cst(11, 27, 8, 0); now <= Cst(12, 8, 18, 0); now = now.AddMinutes(37))
        {
            foreach (var snapshot in new[]
            {
                new SlaSnapshot(due, null, null, null, null),
                new SlaSnapshot(due, null, null, Cst(12, 1, 16, 0), null),
                new SlaSnapshot(due, null, null, null, Cst(12, 2, 9, 0)),
                new SlaSnapshot(due, null, null, null, Cst(12, 3, 11, 0)),
            })
            {
                if (snapshot.PausedSince > now)
                {
                    continue;
                }

                var full = SlaClock.Evaluate(snapshot, now, 60, Calendar);
                Assert.Equal((full.DueAt, full.State), SlaClock.Glance(snapshot, now, 60, Calendar));
            }
        }
    }

    // ---- minutes over (late points) ----

    [Theory]
    [InlineData(14, 0, 0, 0)]
    [InlineData(13, 0, 0, 0)]
    [InlineData(14, 5, 0, 5)]
    [InlineData(14, 5, 1, 6)]
    [InlineData(14, 10, 0, 10)]
    [InlineData(14, 20, 0, 20)]
    public void Minutes_over_are_whole_business_minutes_rounded_up(int hour, int minute, int second, int expected) =>
        Assert.Equal(expected, SlaClock.MinutesOver(Cst(12, 1, 14, 0), Cst(12, 1, hour, minute, second), Calendar));

    [Fact]
    public void Minutes_over_skip_the_night() =>
        Assert.Equal(15, SlaClock.MinutesOver(Cst(12, 1, 17, 20), Cst(12, 2, 9, 5), Calendar));

    // ---- due times from the limits table ----

    [Theory]
    [InlineData(RequestType.AccountOpening, ClientTier.Silver, 10, 30)]
    [InlineData(RequestType.AccountOpening, ClientTier.Gold, 10, 15)]
    [InlineData(RequestType.AccountOpening, ClientTier.Diamond, 10, 15)]
    [InlineData(RequestType.OnlineActivation, ClientTier.Silver, 10, 10)]
    [InlineData(RequestType.OnlineActivation, ClientTier.Gold, 10, 3)]
    [InlineData(RequestType.RemoteAssistance, ClientTier.Silver, 10, 10)]
    [InlineData(RequestType.RemoteAssistance, ClientTier.Diamond, 10, 3)]
    [InlineData(RequestType.AccountActivation, ClientTier.Gold, 14, 0)]
    [InlineData(RequestType.PasswordReset, ClientTier.Gold, 10, 15)]
    [InlineData(RequestType.Other, ClientTier.Gold, 10, 30)]
    public void A_request_is_due_by_its_type_and_the_clients_tier(RequestType type, ClientTier tier, int hour, int minute)
    {
        var rules = new CaseRules(Calendar, CaseLimitsTable.Defaults);
        var (due, firstResponse) = CaseStore.DueTimes(CaseKind.Request, type, tier, Cst(12, 1, 10, 0), rules);
        Assert.Equal(Cst(12, 1, hour, minute), due);
        Assert.Null(firstResponse);
    }

    [Fact]
    public void A_standard_request_of_one_working_day_is_due_the_next_day() =>
        Assert.Equal(Cst(12, 2, 10, 0),
            CaseStore.DueTimes(CaseKind.Request, RequestType.PasswordReset, ClientTier.Silver, Cst(12, 1, 10, 0), new(Calendar, CaseLimitsTable.Defaults)).DueAt);

    [Fact]
    public void A_complaint_has_a_first_response_and_a_resolution_due_time_by_tier()
    {
        var rules = new CaseRules(Calendar, CaseLimitsTable.Defaults);
        var standard = CaseStore.DueTimes(CaseKind.Complaint, null, ClientTier.Silver, Cst(12, 1, 10, 0), rules);
        Assert.Equal(Cst(12, 2, 10, 0), standard.FirstResponseDueAt);
        Assert.Equal(Cst(12, 8, 10, 0), standard.DueAt);
        var vip = CaseStore.DueTimes(CaseKind.Complaint, null, ClientTier.Diamond, Cst(12, 1, 10, 0), rules);
        Assert.Equal(Cst(12, 1, 14, 0), vip.FirstResponseDueAt);
        Assert.Equal(Cst(12, 3, 10, 0), vip.DueAt);
    }
}
