using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Booking.Model;

namespace Portal.Web.Features.Booking;

/// <summary>
/// Sends the reminders 24 hours and 1 hour before each Requested or Confirmed appointment, to the investor and the
/// adviser, through the outbox. Each appointment row records when each reminder went out, in the same save as its
/// outbox rows (and its version guards the save), so a restart or a second instance never sends one twice. An
/// appointment booked inside the last hour gets no 24-hour reminder.
/// </summary>
public sealed class BookingReminders(BookingStore store, AuditTrail audit)
{
    public static readonly TimeSpan DayBefore = TimeSpan.FromHours(24);
    public static readonly TimeSpan HourBefore = TimeSpan.FromHours(1);

    /// <summary>One pass: sends what is due now; returns how many reminders (per appointment) went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = store.Now();
        var dayAhead = now + DayBefore;
        await using var db = await store.Db.CreateDbContextAsync(ct);
        var context = await store.ContextAsync(ct);
        var due = await db.Set<Appointment>().Include(a => a.Adviser)
            .Where(a => BookingStore.Active.Contains(a.Status) && a.StartUtc > now && a.StartUtc <= dayAhead
                        && (a.Reminder24hSentAt == null || a.Reminder1hSentAt == null))
            .OrderBy(a => a.StartUtc)
            .Take(200)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var appointment in due)
        {
            var template = (string?)null;
            if (appointment.StartUtc - now <= HourBefore && appointment.Reminder1hSentAt is null)
            {
                template = "booking-reminder-1h";
                appointment.Reminder1hSentAt = now;
                appointment.Reminder24hSentAt ??= now;
            }
            else if (appointment.Reminder24hSentAt is null)
            {
                template = "booking-reminder-24h";
                appointment.Reminder24hSentAt = now;
            }

            if (template is null)
            {
                continue;
            }

            store.Notify(db, appointment.InvestorUserId, BookingStore.InvestorLink, appointment, template, null, context.Calendar);
            store.Notify(db, appointment.Adviser!.UserId, BookingStore.AdviserLink, appointment, template, null, context.Calendar);
            audit.Add(db, Actor.System("booking reminders"), AuditActions.AppointmentReminderSent, BookingStore.Subject(appointment.Id), template);
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (by the people or another instance): the next pass looks at it afresh.
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }
}

/// <summary>Runs <see cref="BookingReminders"/> every minute.</summary>
public sealed partial class BookingReminderService(BookingReminders reminders, ILogger<BookingReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var sent = await reminders.SendDueAsync(stoppingToken);
                if (sent > 0)
                {
                    LogSent(logger, sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} appointment reminders")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appointment reminders failed; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
