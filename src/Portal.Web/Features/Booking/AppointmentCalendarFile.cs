using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Booking.Model;
using Portal.Web.Features.Notifications;
using Portal.Web.Resources;

namespace Portal.Web.Features.Booking;

/// <summary>
/// An appointment as an iCalendar file (<see cref="Route"/>) for the investor or the adviser it belongs to: the UID
/// stays with the appointment, SEQUENCE is its version, METHOD:REQUEST (CANCEL once cancelled or declined), URL from
/// <c>Portal:PublicBaseUrl</c>.
/// </summary>
public sealed class AppointmentCalendarFile(BookingStore store, PublicLinks links, IStringLocalizer<BookingText> text)
{
    public const string Route = "/appointments/{id:int}/ics";
    public const string ContentType = "text/calendar";

    public static string PathFor(int id) => "/appointments/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/ics";

    /// <summary>The file, or null when the appointment is not the caller's (as investor, or as its adviser).</summary>
    public async Task<(string FileName, string Content)?> FindAsync(Actor actor, int id, CancellationToken ct = default)
    {
        if (!actor.IsAuthenticated)
        {
            return null;
        }

        await using var db = await store.Db.CreateDbContextAsync(ct);
        var found = await db.Set<Appointment>().AsNoTracking().Include(a => a.Adviser).SingleOrDefaultAsync(a => a.Id == id, ct);
        var mine = found is not null
                   && ((actor.IsInRole(Roles.Investor) && actor.InvestorId == found.InvestorId)
                       || (actor.IsInRole(Roles.Adviser) && found.Adviser!.UserId == actor.UserId));
        return mine ? (found!.Reference + ".ics", Build(found!, found!.Adviser!.UserId == actor.UserId, links, text)) : null;
    }

    /// <summary>
    /// True when the file takes the meeting out of a calendar (cancelled or declined): METHOD:CANCEL with the same UID and
    /// a higher SEQUENCE, offered as "Remove from calendar".
    /// </summary>
    public static bool Removes(AppointmentStatus status) =>
        !Appointment.Blocks(status) && status is not (AppointmentStatus.Completed or AppointmentStatus.NoShow);

    /// <summary>The iCalendar text of <paramref name="appointment"/> for its adviser or its investor; no I/O.</summary>
    internal static string Build(Appointment appointment, bool forAdviser, PublicLinks links, IStringLocalizer<BookingText> text)
    {
        var cancelled = Removes(appointment.Status);
        var other = forAdviser ? appointment.InvestorName : appointment.Adviser!.Name;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"appointment-{appointment.Id}@{links.To("/").Host}",
            Sequence = appointment.Version,
            Summary = text["Ics.Summary", other].Value,
            Description = text["Ics.Description", appointment.Reference, appointment.Topic].Value,
            Start = new CalDateTime(appointment.StartUtc.UtcDateTime),
            End = new CalDateTime(appointment.EndUtc.UtcDateTime),
            DtStamp = new CalDateTime(appointment.UpdatedAt.UtcDateTime),
            Url = links.To(forAdviser ? BookingStore.AdviserLink : BookingStore.InvestorLink),
            Status = cancelled ? "CANCELLED" : appointment.Status == AppointmentStatus.Requested ? "TENTATIVE" : "CONFIRMED",
        };
        var calendar = new Ical.Net.Calendar { Method = cancelled ? "CANCEL" : "REQUEST" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
