using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Cases;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Booking;
using Portal.Web.Features.Booking.DemoData;
using Portal.Web.Features.Booking.Model;

namespace Portal.IntegrationTests.Booking;

/// <summary>
/// Booking against a real database: the race for one slot (the database decides: the exclusion constraint on
/// PostgreSQL, the write gate's overlap check on SQLite), monthly limits under concurrency, and who may see and change
/// what. Each test books with its own generated Gold/Diamond investors (the demo data books only the first ones).
/// </summary>
public abstract class BookingTests(PortalApp app)
{
    private InvestorBooking Investors => app.Services.GetRequiredService<InvestorBooking>();

    private AdviserDesk Desk => app.Services.GetRequiredService<AdviserDesk>();

    [Fact]
    public async Task Twenty_investors_taking_one_slot_at_once_leave_exactly_one_booking_and_nineteen_just_taken()
    {
        var investors = await VipInvestorsAsync(null, skip: 0, take: 20);
        var adviser = (await Investors.ListMyAdvisersAsync(investors[0])).Single(a => a.Kind == AdviserKind.DedicatedAdviser);
        var type = adviser.MeetingTypes[0];
        var slot = (await Investors.GetSlotsAsync(investors[0], adviser.AdviserId, type.Id, Today().AddDays(10), 7))[0];

        var results = await Task.WhenAll(investors.Select(investor => Task.Run(() =>
            Investors.BookAsync(investor, new BookRequest(adviser.AdviserId, type.Id, slot.StartUtc, "Race", null, null, Guid.NewGuid())))));

        Assert.Single(results, r => r.Outcome == BookingOutcome.Booked);
        Assert.Equal(19, results.Count(r => r.Outcome == BookingOutcome.SlotTaken));
        Assert.All(results.Where(r => r.Outcome == BookingOutcome.SlotTaken), r => Assert.Equal("This time was just taken. Please pick another.", r.FieldErrors![nameof(BookRequest.StartUtc)]));
        var stored = await app.WithDbAsync(db => db.Set<Appointment>().CountAsync(a => a.AdviserId == adviser.AdviserId && a.StartUtc == slot.StartUtc && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed)));
        Assert.Equal(1, stored);
        var after = await Investors.GetSlotsAsync(investors[1], adviser.AdviserId, type.Id, Today().AddDays(10), 7);
        Assert.DoesNotContain(after, s => s.StartUtc == slot.StartUtc);
    }

    [Fact]
    public async Task A_gold_investors_five_parallel_bookings_of_different_slots_book_two()
    {
        var investor = (await VipInvestorsAsync(ClientTier.Gold, skip: 0, take: 1))[0];
        var adviser = (await Investors.ListMyAdvisersAsync(investor)).Single();
        var type = adviser.MeetingTypes[0];
        var context = await app.Services.GetRequiredService<BookingStore>().ContextAsync(default);
        var slots = (await Investors.GetSlotsAsync(investor, adviser.AdviserId, type.Id, Today().AddDays(2), 28))
            .Where((_, i) => i % 4 == 0)
            .GroupBy(s => context.Calendar.DateOf(s.StartUtc).Month)
            .First(g => g.Count() >= 5).Take(5).ToList();

        var results = await Task.WhenAll(slots.Select(slot => Task.Run(() =>
            Investors.BookAsync(investor, new BookRequest(adviser.AdviserId, type.Id, slot.StartUtc, "Limits", null, null, Guid.NewGuid())))));
        var allowance = await Investors.GetAllowanceAsync(investor);

        Assert.Equal(2, results.Count(r => r.Outcome == BookingOutcome.Booked));
        Assert.Equal(3, results.Count(r => r.Outcome == BookingOutcome.LimitReached));
        Assert.Equal(2, allowance.MonthlyLimit);
    }

    [Fact]
    public async Task The_same_request_id_books_once()
    {
        var investor = (await VipInvestorsAsync(ClientTier.Diamond, skip: 1, take: 1))[0];
        var adviser = (await Investors.ListMyAdvisersAsync(investor)).First(a => a.Kind == AdviserKind.DedicatedAdviser);
        var slot = (await Investors.GetSlotsAsync(investor, adviser.AdviserId, adviser.MeetingTypes[0].Id, Today().AddDays(20), 7))[0];
        var request = new BookRequest(adviser.AdviserId, adviser.MeetingTypes[0].Id, slot.StartUtc, "Twice", null, null, Guid.NewGuid());

        var first = await Investors.BookAsync(investor, request);
        var second = await Investors.BookAsync(investor, request);

        Assert.Equal(BookingOutcome.Booked, second.Outcome);
        Assert.Equal(first.Appointment!.Id, second.Appointment!.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Appointment>().CountAsync(a => a.InvestorId == investor.InvestorId && a.RequestId == request.RequestId)));
    }

    [Fact]
    public async Task Who_may_book_whom_silver_nobody_gold_their_adviser_diamond_the_analysts_too()
    {
        var silver = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var gold = (await VipInvestorsAsync(ClientTier.Gold, skip: 2, take: 1))[0];
        var diamond = (await VipInvestorsAsync(ClientTier.Diamond, skip: 2, take: 1))[0];
        var diamondAdvisers = await Investors.ListMyAdvisersAsync(diamond);
        var analyst = diamondAdvisers.First(a => a.Kind == AdviserKind.ResearchAnalyst);
        var analystSlot = (await Investors.GetSlotsAsync(diamond, analyst.AdviserId, analyst.MeetingTypes[0].Id, Today().AddDays(3), 14))[0];

        var silverBooks = await Investors.BookAsync(silver, new BookRequest(analyst.AdviserId, analyst.MeetingTypes[0].Id, analystSlot.StartUtc, "Hi", null, null, Guid.NewGuid()));
        var goldBooksAnalyst = await Investors.BookAsync(gold, new BookRequest(analyst.AdviserId, analyst.MeetingTypes[0].Id, analystSlot.StartUtc, "Hi", null, null, Guid.NewGuid()));
        var goldCustomReport = await Investors.BookAsync(gold, new BookRequest(
            (await Investors.ListMyAdvisersAsync(gold)).Single().AdviserId, analyst.MeetingTypes[0].Id, analystSlot.StartUtc, "", null, "A report", Guid.NewGuid()));
        var diamondBooksAnalyst = await Investors.BookAsync(diamond, new BookRequest(analyst.AdviserId, analyst.MeetingTypes[0].Id, analystSlot.StartUtc, "Rates outlook", null, "A note on duration", Guid.NewGuid()));

        Assert.Empty(await Investors.ListMyAdvisersAsync(silver));
        Assert.False((await Investors.GetAllowanceAsync(silver)).CanBook);
        Assert.Equal(BookingOutcome.NotAllowed, silverBooks.Outcome);
        Assert.Equal([AdviserKind.DedicatedAdviser], (await Investors.ListMyAdvisersAsync(gold)).Select(a => a.Kind));
        Assert.Equal(BookingOutcome.NotAllowed, goldBooksAnalyst.Outcome);
        Assert.Equal(BookingOutcome.Invalid, goldCustomReport.Outcome);
        Assert.Equal("Please fill this in.", goldCustomReport.FieldErrors![nameof(BookRequest.Topic)]);
        Assert.Equal("Custom report requests are for Diamond clients.", goldCustomReport.FieldErrors[nameof(BookRequest.CustomReportRequest)]);
        Assert.Equal(2, diamondAdvisers.Count(a => a.Kind == AdviserKind.ResearchAnalyst));
        Assert.Equal(BookingOutcome.Booked, diamondBooksAnalyst.Outcome);
        Assert.Equal("A note on duration", diamondBooksAnalyst.Appointment!.CustomReportRequest);
    }

    [Fact]
    public async Task An_investor_reaches_only_their_own_appointments_and_an_adviser_only_their_own_calendar()
    {
        var owners = await VipInvestorsAsync(ClientTier.Diamond, skip: 3, take: 2);
        var (mine, other) = (owners[0], owners[1]);
        var adviser = (await Investors.ListMyAdvisersAsync(mine)).First(a => a.Kind == AdviserKind.DedicatedAdviser);
        var slot = (await Investors.GetSlotsAsync(mine, adviser.AdviserId, adviser.MeetingTypes[0].Id, Today().AddDays(5), 14))[0];
        var booked = (await Investors.BookAsync(mine, new BookRequest(adviser.AdviserId, adviser.MeetingTypes[0].Id, slot.StartUtc, "Mine", null, null, Guid.NewGuid()))).Appointment!;
        var analyst = await app.ActorAsync("analyst@portal.demo", Roles.Adviser);
        var sun = await app.ActorAsync(DemoUsers.Adviser, Roles.Adviser);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);

        Assert.Null(await Investors.GetAsync(other, booked.Id));
        Assert.Equal(BookingOutcome.NotAllowed, (await Investors.CancelAsync(other, booked.Id, booked.Version)).Outcome);
        Assert.Equal(BookingOutcome.NotAllowed, (await Investors.RescheduleAsync(other, booked.Id, slot.StartUtc.AddHours(1), booked.Version)).Outcome);
        Assert.DoesNotContain((await Investors.ListMyAppointmentsAsync(other, true, 0, 100)).Rows, r => r.Id == booked.Id);
        Assert.Contains((await Investors.ListMyAppointmentsAsync(mine, true, 0, 100)).Rows, r => r.Id == booked.Id);
        Assert.Equal(BookingOutcome.NotAllowed, (await Desk.ConfirmAsync(analyst, booked.Id, booked.Version)).Outcome);
        Assert.Equal(BookingOutcome.NotAllowed, (await Desk.SaveNotesAsync(analyst, booked.Id, "x", "y", booked.Version)).Outcome);
        Assert.DoesNotContain(await Desk.ListRequestsAsync(analyst), r => r.Id == booked.Id);
        Assert.Contains(await Desk.ListRequestsAsync(sun), r => r.Id == booked.Id);
        await Assert.ThrowsAsync<ActorForbiddenException>(() => Desk.GetSettingsAsync(agent));
        await Assert.ThrowsAsync<ActorForbiddenException>(() => Investors.ListMyAdvisersAsync(sun));
        Assert.Equal(BookingOutcome.Stale, (await Desk.ConfirmAsync(sun, booked.Id, booked.Version + 1)).Outcome);
        var confirmed = await Desk.ConfirmAsync(sun, booked.Id, booked.Version);
        Assert.Equal(AppointmentStatus.Confirmed, confirmed.Appointment!.Status);
        Assert.Equal(AppointmentStatus.Confirmed, (await Investors.GetAsync(mine, booked.Id))!.Status);

        // The investor moves it to a later open slot: a new request the adviser confirms again.
        var later = (await Investors.GetSlotsAsync(mine, adviser.AdviserId, adviser.MeetingTypes[0].Id, Today().AddDays(5), 14)).First(s => s.StartUtc >= slot.StartUtc.AddHours(2));
        var moved = await Investors.RescheduleAsync(mine, booked.Id, later.StartUtc, confirmed.Appointment.Version);
        Assert.Equal(BookingOutcome.Booked, moved.Outcome);
        Assert.Equal(AppointmentStatus.Requested, moved.Appointment!.Status);
        Assert.Equal(later.StartUtc, moved.Appointment.StartUtc);
        Assert.Equal(BookingOutcome.Stale, (await Investors.RescheduleAsync(mine, booked.Id, later.StartUtc, confirmed.Appointment.Version)).Outcome);
    }

    [Fact]
    public async Task The_ics_file_is_the_owners_alone_parses_back_with_the_right_times_and_links_to_the_public_address()
    {
        var gold = await app.ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);
        // The demo data may have used the demo client's monthly bookings: start them afresh.
        await app.WithDbAsync(db => db.Set<Appointment>().Where(a => a.InvestorId == gold.InvestorId).ExecuteDeleteAsync());
        var adviser = (await Investors.ListMyAdvisersAsync(gold)).Single();
        var slot = (await Investors.GetSlotsAsync(gold, adviser.AdviserId, adviser.MeetingTypes[0].Id, Today().AddDays(3), 14))[0];
        var booked = (await Investors.BookAsync(gold, new BookRequest(adviser.AdviserId, adviser.MeetingTypes[0].Id, slot.StartUtc, "Calendar file", null, null, Guid.NewGuid()))).Appointment!;

        using var owner = await app.SignedInClientAsync(DemoUsers.GoldInvestor);
        using var stranger = await app.SignedInClientAsync(DemoUsers.DiamondInvestor);
        using var theAdviser = await app.SignedInClientAsync(DemoUsers.Adviser);
        using var anonymous = app.CreatePortalClient();
        var response = await owner.GetAsync(AppointmentCalendarFile.PathFor(booked.Id));
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var calendarEvent = calendar.Events.Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(slot.StartUtc, new DateTimeOffset(calendarEvent.Start!.AsUtc, TimeSpan.Zero));
        Assert.Equal(slot.EndUtc, new DateTimeOffset(calendarEvent.End!.AsUtc, TimeSpan.Zero));
        Assert.StartsWith(PortalApp.PublicBaseUrl + "/appointments", calendarEvent.Url!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await theAdviser.GetAsync(AppointmentCalendarFile.PathFor(booked.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(AppointmentCalendarFile.PathFor(booked.Id))).StatusCode);
        var anonymousResponse = await anonymous.GetAsync(AppointmentCalendarFile.PathFor(booked.Id));
        Assert.NotEqual(HttpStatusCode.OK, anonymousResponse.StatusCode);
        Assert.StartsWith("/Account/Login", anonymousResponse.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var cancelled = await Investors.CancelAsync(gold, booked.Id, booked.Version);
        var again = Ical.Net.Calendar.Load(await (await owner.GetAsync(AppointmentCalendarFile.PathFor(booked.Id))).Content.ReadAsStringAsync())!;
        Assert.Equal(BookingOutcome.Booked, cancelled.Outcome);
        Assert.Equal("CANCEL", again.Method);
        Assert.Equal(calendarEvent.Uid, again.Events.Single().Uid);
        Assert.True(again.Events.Single().Sequence > calendarEvent.Sequence);
    }

    [Fact]
    public async Task An_advisers_photo_is_checked_by_its_bytes_and_served_to_signed_in_users_only()
    {
        var analyst = await app.ActorAsync("analyst2@portal.demo", Roles.Adviser);
        var settings = await Desk.GetSettingsAsync(analyst);
        using var client = await app.SignedInClientAsync(DemoUsers.DiamondInvestor);
        using var anonymous = app.CreatePortalClient();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(BookingHosting.PhotoPath(settings.AdviserId))).StatusCode);
        await Assert.ThrowsAsync<BookingValidationException>(() => Desk.SavePhotoAsync(analyst, new MemoryStream(CaseTestKit.Exe), "image/png"));
        await Desk.SavePhotoAsync(analyst, new MemoryStream(png), "image/jpeg");
        var photo = await client.GetAsync(BookingHosting.PhotoPath(settings.AdviserId));

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await photo.Content.ReadAsByteArrayAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(BookingHosting.PhotoPath(settings.AdviserId))).StatusCode);
    }

    [Fact]
    public async Task Settings_refuse_a_stale_version_and_bad_values_by_field()
    {
        var analyst = await app.ActorAsync("analyst@portal.demo", Roles.Adviser);
        var settings = await Desk.GetSettingsAsync(analyst);

        var bad = await Desk.SaveSettingsAsync(analyst, settings with { DailyCap = 0, Hours = [new WeeklyHours(DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(9, 0))] });
        var saved = await Desk.SaveSettingsAsync(analyst, settings with { DailyCap = 4 });
        var stale = await Desk.SaveSettingsAsync(analyst, settings with { DailyCap = 5 });

        Assert.Equal(BookingOutcome.Invalid, bad.Outcome);
        Assert.Equal("Enter a number from 1 to 20.", bad.FieldErrors![nameof(AdviserSettings.DailyCap)]);
        Assert.Contains(nameof(AdviserSettings.Hours), bad.FieldErrors.Keys);
        Assert.Equal(BookingOutcome.Booked, saved.Outcome);
        Assert.Equal(BookingOutcome.Stale, stale.Outcome);
        Assert.Equal(4, (await Desk.GetSettingsAsync(analyst)).DailyCap);
    }

    [Fact]
    public async Task Reminders_go_out_once_each_to_both_sides()
    {
        var investor = (await VipInvestorsAsync(ClientTier.Diamond, skip: 5, take: 1))[0];
        var adviser = (await Investors.ListMyAdvisersAsync(investor)).First(a => a.Kind == AdviserKind.DedicatedAdviser);
        var slot = (await Investors.GetSlotsAsync(investor, adviser.AdviserId, adviser.MeetingTypes[0].Id, Today().AddDays(3), 14))[0];
        var booked = (await Investors.BookAsync(investor, new BookRequest(adviser.AdviserId, adviser.MeetingTypes[0].Id, slot.StartUtc, "Remind me", null, null, Guid.NewGuid()))).Appointment!;
        // Bring it to 30 minutes from now, as if time had passed.
        var soon = DateTimeOffset.UtcNow.AddMinutes(30);
        await app.WithDbAsync(db => db.Set<Appointment>().Where(a => a.Id == booked.Id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.StartUtc, soon).SetProperty(a => a.EndUtc, soon.AddMinutes(30))
            .SetProperty(a => a.BlockedFrom, soon.AddYears(5)).SetProperty(a => a.BlockedTo, soon.AddYears(5).AddMinutes(1))));
        var reminders = app.Services.GetRequiredService<BookingReminders>();

        await reminders.SendDueAsync();
        await reminders.SendDueAsync();

        var stored = await app.WithDbAsync(db => db.Set<Appointment>().Include(a => a.Adviser).SingleAsync(a => a.Id == booked.Id));
        var rows = await app.WithDbAsync(db => db.Set<Portal.Web.Features.Notifications.Outbox.OutboxMessage>()
            .Where(m => m.Template == "booking-reminder-1h" && (m.RecipientUserId == investor.UserId || m.RecipientUserId == stored.Adviser!.UserId))
            .ToListAsync());
        Assert.NotNull(stored.Reminder1hSentAt);
        Assert.NotNull(stored.Reminder24hSentAt);
        Assert.Equal(2, rows.Count(r => r.ValuesJson.Contains(stored.Reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_demo_data_leaves_every_client_at_least_one_booking_in_every_month()
    {
        var context = await app.Services.GetRequiredService<BookingStore>().ContextAsync(default);
        var seeded = await app.WithDbAsync(db => db.Set<Appointment>()
            .Where(a => BookingDemoSeeder.Topics.Contains(a.Topic) && BookingStore.Counted.Contains(a.Status))
            .Select(a => new { a.InvestorId, a.InvestorTier, a.StartUtc }).ToListAsync());

        var months = seeded.GroupBy(a => (a.InvestorId, a.InvestorTier, BookingStore.MonthOf(context.Calendar, a.StartUtc).From)).ToList();

        Assert.NotEmpty(months);
        Assert.All(months, month => Assert.True(month.Count() < context.Rules.LimitFor(month.Key.InvestorTier),
            $"Investor {month.Key.InvestorId} ({month.Key.InvestorTier}) has {month.Count()} demo bookings in {month.Key.From:yyyy-MM}."));
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    /// <summary>Generated VIP investors of 孙伟 from the end of the list (the demo data books from its start), as signed-in investors would act.</summary>
    private Task<IReadOnlyList<Actor>> VipInvestorsAsync(ClientTier? tier, int skip, int take) => app.WithDbAsync<IReadOnlyList<Actor>>(async db =>
    {
        var rows = await db.Set<Investor>().Where(i => i.UserId == null && i.AdviserId != null && (tier == null ? i.Tier != ClientTier.Silver : i.Tier == tier))
            .OrderByDescending(i => i.Id).Skip(skip + (tier == null ? 20 : 0)).Take(take).Select(i => new { i.Id, i.Name }).ToListAsync();
        return rows.Select(r => new Actor("booking-test-" + r.Id, r.Name, new HashSet<string> { Roles.Investor }, r.Id, "127.0.0.1")).ToList();
    });
}

public sealed class BookingOnPostgresTests(PortalApp app) : BookingTests(app), IClassFixture<PortalApp>;

public sealed class BookingOnSqliteTests(SqlitePortalApp app) : BookingTests(app), IClassFixture<SqlitePortalApp>;
