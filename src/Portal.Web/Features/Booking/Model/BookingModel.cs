using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Booking.Model;

/// <summary>
/// An adviser's or analyst's booking profile: who they are to clients, when they work (weekly hours in the business
/// time zone, kept as text <c>"1 09:00-12:00;1 13:30-17:30"</c>: day of week, from, to) and the booking rules.
/// </summary>
public sealed class AdviserProfile
{
    public int Id { get; set; }

    /// <summary>The staff member's sign-in (role Adviser).</summary>
    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public AdviserKind Kind { get; set; }

    public string Bio { get; set; } = "";

    /// <summary>One per line.</summary>
    public string Languages { get; set; } = "";

    /// <summary>One per line.</summary>
    public string Specialties { get; set; } = "";

    public string Hours { get; set; } = "";

    public int BufferBeforeMinutes { get; set; } = BookingLimits.DefaultBufferMinutes;

    public int BufferAfterMinutes { get; set; } = BookingLimits.DefaultBufferMinutes;

    public int MinimumNoticeHours { get; set; } = BookingLimits.DefaultNoticeHours;

    public int HorizonDays { get; set; } = BookingLimits.DefaultHorizonDays;

    public int DailyCap { get; set; } = BookingLimits.DefaultDailyCap;

    public bool HasPhoto { get; set; }

    /// <summary>Counts saves of the settings; a concurrency token.</summary>
    public int Version { get; set; }

    public List<AdviserMeetingType> MeetingTypes { get; set; } = [];

    public List<AdviserDayOff> Exceptions { get; set; } = [];
}

public sealed class AdviserMeetingType
{
    public int Id { get; set; }

    public int AdviserId { get; set; }

    public MeetingMode Mode { get; set; }

    public int Minutes { get; set; }

    public bool Enabled { get; set; }
}

/// <summary>An exception to the weekly hours: a day off, or extra hours on one date (business time zone).</summary>
public sealed class AdviserDayOff
{
    public int Id { get; set; }

    public int AdviserId { get; set; }

    public DateOnly Date { get; set; }

    public bool DayOff { get; set; }

    public TimeOnly? From { get; set; }

    public TimeOnly? To { get; set; }

    public string? Note { get; set; }
}

/// <summary>The adviser's photo, apart from the profile so a profile read never loads it.</summary>
public sealed class AdviserPhoto
{
    public int AdviserId { get; set; }

    public byte[] Content { get; set; } = [];

    public string ContentType { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// An appointment. <see cref="BlockedFrom"/>/<see cref="BlockedTo"/> are its range widened by the adviser's buffers at
/// booking time: on PostgreSQL an exclusion constraint keeps two Requested/Confirmed ranges of one adviser apart.
/// The investor's name, account number and tier are copied at booking, as the adviser saw them.
/// </summary>
public sealed class Appointment
{
    public int Id { get; set; }

    public int AdviserId { get; set; }

    public AdviserProfile? Adviser { get; set; }

    public int InvestorId { get; set; }

    public string InvestorUserId { get; set; } = "";

    public string InvestorName { get; set; } = "";

    public string InvestorAccountNumber { get; set; } = "";

    public ClientTier InvestorTier { get; set; }

    public int MeetingTypeId { get; set; }

    public MeetingMode Mode { get; set; }

    public int Minutes { get; set; }

    public DateTimeOffset StartUtc { get; set; }

    public DateTimeOffset EndUtc { get; set; }

    public DateTimeOffset BlockedFrom { get; set; }

    public DateTimeOffset BlockedTo { get; set; }

    public AppointmentStatus Status { get; set; }

    public string Topic { get; set; } = "";

    public string? Questions { get; set; }

    public string? CustomReportRequest { get; set; }

    public string? DeclineReason { get; set; }

    public string? SharedSummary { get; set; }

    public string? PrivateNotes { get; set; }

    /// <summary>The investor's idempotency key: the same request books once.</summary>
    public Guid RequestId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the reminders went out (null: not yet); set in the same save as their outbox rows.</summary>
    public DateTimeOffset? Reminder24hSentAt { get; set; }

    public DateTimeOffset? Reminder1hSentAt { get; set; }

    /// <summary>Counts changes; a concurrency token, and the .ics SEQUENCE.</summary>
    public int Version { get; set; }

    public string Reference => FormatReference(Id);

    public static string FormatReference(int id) => "B-" + id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool Blocks(AppointmentStatus status) => status is AppointmentStatus.Requested or AppointmentStatus.Confirmed;
}
