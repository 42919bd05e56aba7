using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Booking.Model;
using Portal.Web.Features.Notifications;
using Portal.Web.Resources;

namespace Portal.Web.Features.Booking;

/// <summary>The rules in force for one operation: the business calendar and the booking setting.</summary>
public sealed record BookingContext(BusinessCalendar Calendar, BookingRules Rules);

/// <summary>
/// What the booking services share: the rules in force, field errors in the user's language, the slot request of an
/// adviser, the views, and a change's audit row, notice and live update. Not for pages: they call
/// <see cref="InvestorBooking"/> and <see cref="AdviserDesk"/>.
/// </summary>
public sealed class BookingStore(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    AuditTrail audit,
    SettingsStore settings,
    BookingRulesSetting rulesSetting,
    BusinessCalendarProvider calendars,
    InvestorDirectory investors,
    SlotGenerator slots,
    BookingUpdates updates,
    NotificationOutbox outbox,
    IStringLocalizer<BookingText> text)
{
    public const string InvestorLink = "/appointments";
    public const string AdviserLink = "/adviser";

    internal IDbContextFactory<PortalDbContext> Db => dbFactory;

    internal InvestorDirectory Investors => investors;

    internal SlotGenerator Slots => slots;

    /// <summary>Now, to the whole millisecond: what both databases keep exactly.</summary>
    internal DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public async Task<BookingContext> ContextAsync(CancellationToken cancellationToken) =>
        new(await calendars.GetAsync(cancellationToken), (await settings.GetAsync(rulesSetting, cancellationToken)).Value);

    internal string Text(string key, params object[] arguments) => text[key, arguments].Value;

    internal static BookingResult Invalid(string field, string message) =>
        new(BookingOutcome.Invalid, null, new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message });

    internal static BookingResult Outcome(BookingOutcome outcome, string field, string message) =>
        new(outcome, null, new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message });

    internal BookingResult Stale() =>
        Outcome(BookingOutcome.Stale, "", Text("Error.Stale"));

    internal static string Subject(int appointmentId) => "appointment:" + Appointment.FormatReference(appointmentId);

    /// <summary>The UTC range of the business-zone month that holds <paramref name="instant"/>.</summary>
    internal static (DateTimeOffset From, DateTimeOffset To) MonthOf(BusinessCalendar calendar, DateTimeOffset instant)
    {
        var day = calendar.DateOf(instant);
        var first = new DateOnly(day.Year, day.Month, 1);
        return (StartOf(calendar.TimeZone, first), StartOf(calendar.TimeZone, first.AddMonths(1)));
    }

    internal static DateTimeOffset StartOf(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The statuses a monthly limit counts.</summary>
    internal static readonly AppointmentStatus[] Counted =
        [AppointmentStatus.Requested, AppointmentStatus.Confirmed, AppointmentStatus.Completed, AppointmentStatus.NoShow];

    internal static readonly AppointmentStatus[] Active = [AppointmentStatus.Requested, AppointmentStatus.Confirmed];

    /// <summary>How many of the investor's appointments count against the month of <paramref name="startUtc"/>.</summary>
    internal static Task<int> CountInMonthAsync(PortalDbContext db, BusinessCalendar calendar, int investorId, DateTimeOffset startUtc, int? except, CancellationToken cancellationToken)
    {
        var (from, to) = MonthOf(calendar, startUtc);
        return db.Set<Appointment>().CountAsync(
            a => a.InvestorId == investorId && Counted.Contains(a.Status) && a.StartUtc >= from && a.StartUtc < to && a.Id != (except ?? 0),
            cancellationToken);
    }

    /// <summary>The slot request of an adviser for a meeting length around a range of dates; the busy ranges read now.</summary>
    internal async Task<SlotRequest> SlotRequestAsync(
        PortalDbContext db, BookingContext context, AdviserProfile adviser, int minutes, DateOnly fromDate, int days, TimeZoneInfo? viewer,
        int? except, CancellationToken cancellationToken)
    {
        var from = StartOf(context.Calendar.TimeZone, fromDate.AddDays(-2));
        var to = StartOf(context.Calendar.TimeZone, fromDate.AddDays(days + 2));
        var busy = await db.Set<Appointment>().AsNoTracking()
            .Where(a => a.AdviserId == adviser.Id && Active.Contains(a.Status) && a.BlockedTo > from && a.BlockedFrom < to && a.Id != (except ?? 0))
            .Select(a => new BusyInterval(a.StartUtc, a.BlockedFrom, a.BlockedTo))
            .ToListAsync(cancellationToken);
        return new SlotRequest(
            AdviserHours.Parse(adviser.Hours),
            adviser.Exceptions.Select(ToView).ToList(),
            context.Calendar,
            busy,
            minutes,
            adviser.BufferBeforeMinutes,
            adviser.BufferAfterMinutes,
            adviser.MinimumNoticeHours,
            adviser.HorizonDays,
            adviser.DailyCap,
            Now(),
            fromDate,
            days,
            viewer);
    }

    internal static AvailabilityException ToView(AdviserDayOff e) => new(e.Id, e.Date, e.DayOff, e.From, e.To, e.Note);

    internal static MeetingType ToView(AdviserMeetingType m) => new(m.Id, m.Mode, m.Minutes, m.Enabled);

    internal static AppointmentView ToView(Appointment a, AdviserProfile adviser, bool forAdviser, DateTimeOffset now, int cutOffHours) => new(
        a.Id,
        a.Reference,
        a.AdviserId,
        adviser.Name,
        adviser.HasPhoto,
        a.InvestorName,
        a.InvestorAccountNumber,
        a.InvestorTier,
        new MeetingType(a.MeetingTypeId, a.Mode, a.Minutes, true),
        a.StartUtc,
        a.EndUtc,
        a.Status,
        a.Topic,
        a.Questions,
        a.CustomReportRequest,
        a.DeclineReason,
        a.SharedSummary,
        forAdviser ? a.PrivateNotes : null,
        forAdviser ? Appointment.Blocks(a.Status) : Appointment.Blocks(a.Status) && now < a.StartUtc.AddHours(-cutOffHours),
        a.Version);

    /// <summary>Records a change: the audit row and the notice to the other side, in the caller's context before its save.</summary>
    internal void Record(PortalDbContext db, Actor actor, Appointment appointment, string action, string details, string? recipientUserId, string? template, string? reason, BusinessCalendar calendar)
    {
        audit.Add(db, actor, action, Subject(appointment.Id), details);
        if (recipientUserId is not null && template is not null)
        {
            Notify(db, recipientUserId, recipientUserId == appointment.InvestorUserId ? InvestorLink : AdviserLink, appointment, template, reason, calendar);
        }
    }

    /// <summary>A notice through the outbox; nothing for a client on file without online access (no sign-in to send to).</summary>
    internal void Notify(PortalDbContext db, string recipientUserId, string link, Appointment appointment, string template, string? reason, BusinessCalendar calendar)
    {
        if (string.IsNullOrEmpty(recipientUserId))
        {
            return;
        }

        var local = TimeZoneInfo.ConvertTime(appointment.StartUtc, calendar.TimeZone);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reference"] = appointment.Reference,
            ["adviser"] = appointment.Adviser?.Name ?? "",
            ["investor"] = appointment.InvestorName,
            ["start"] = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + calendar.TimeZone.Id + ")",
            ["minutes"] = appointment.Minutes.ToString(CultureInfo.InvariantCulture),
            ["topic"] = appointment.Topic,
            ["reason"] = reason ?? "",
        };
        outbox.Add(db, recipientUserId, NotificationTopic.AppointmentReminders, template, values, link);
    }

    internal Task PublishAsync(Appointment appointment, CancellationToken cancellationToken) =>
        updates.NotifyAsync(new AppointmentChanged(appointment.Id, appointment.AdviserId, appointment.InvestorId, appointment.Status), cancellationToken);

    internal Task PublishAdviserAsync(int adviserId, CancellationToken cancellationToken) =>
        updates.NotifyAdviserAsync(adviserId, cancellationToken);

    internal static bool IsSlotTaken(DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ExclusionViolation };

    internal static bool IsDuplicate(DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    /// <summary>Takes the investor's booking lock for the rest of the transaction (PostgreSQL; SQLite's write gate already serialises).</summary>
    internal static async Task LockInvestorAsync(PortalDbContext db, int investorId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(1212, {investorId})", cancellationToken);
        }
    }

    /// <summary>True when another Requested/Confirmed appointment of the adviser overlaps the range (buffers included).</summary>
    internal static Task<bool> OverlapsAsync(PortalDbContext db, int adviserId, DateTimeOffset blockedFrom, DateTimeOffset blockedTo, int? except, CancellationToken cancellationToken) =>
        db.Set<Appointment>().AnyAsync(
            a => a.AdviserId == adviserId && Active.Contains(a.Status) && a.BlockedFrom < blockedTo && blockedFrom < a.BlockedTo && a.Id != (except ?? 0),
            cancellationToken);
}

/// <summary>The weekly hours as the profile keeps them: <c>"1 09:00-12:00;1 13:30-17:30"</c>.</summary>
public static class AdviserHours
{
    public static IReadOnlyList<WeeklyHours> Parse(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
            {
                var day = (DayOfWeek)int.Parse(part[..1], CultureInfo.InvariantCulture);
                var range = part[2..].Split('-');
                return new WeeklyHours(day, TimeOnly.ParseExact(range[0], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(range[1], "HH:mm", CultureInfo.InvariantCulture));
            })
            .ToList();

    public static string Format(IEnumerable<WeeklyHours> hours) =>
        string.Join(';', hours.OrderBy(h => h.Day).ThenBy(h => h.From)
            .Select(h => string.Create(CultureInfo.InvariantCulture, $"{(int)h.Day} {h.From:HH\\:mm}-{h.To:HH\\:mm}")));
}
