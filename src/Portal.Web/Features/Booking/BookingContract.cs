using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Booking;

// The booking service API (issue 12): the pages call these services with these shapes. They may grow, not change.

/// <summary>A client's dedicated adviser, or a research-centre analyst (Diamond clients may book those too).</summary>
public enum AdviserKind
{
    DedicatedAdviser = 0,
    ResearchAnalyst = 1,
}

public enum MeetingMode
{
    Phone = 0,
    Video = 1,
    Branch = 2,
}

/// <summary>Requested and Confirmed appointments take their slot (buffers included); the others free it.</summary>
public enum AppointmentStatus
{
    Requested = 0,
    Confirmed = 1,
    Declined = 2,
    CancelledByInvestor = 3,
    CancelledByAdviser = 4,
    Completed = 5,
    NoShow = 6,
}

public sealed record MeetingType(int Id, MeetingMode Mode, int Minutes, bool Enabled);

/// <summary>Working hours on a day of the week, in the business time zone; several per day allowed.</summary>
public sealed record WeeklyHours(DayOfWeek Day, TimeOnly From, TimeOnly To);

/// <summary>A day off (<paramref name="DayOff"/>) or extra hours on one date, in the business time zone.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The contract's name (booking-api.md): an exception to the weekly hours, not a thrown one.")]
public sealed record AvailabilityException(int Id, DateOnly Date, bool DayOff, TimeOnly? From, TimeOnly? To, string? Note);

public sealed record AdviserCard(
    int AdviserId,
    string UserId,
    string Name,
    AdviserKind Kind,
    bool HasPhoto,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Specialties,
    string Bio,
    IReadOnlyList<MeetingType> MeetingTypes);

public sealed record AdviserSettings(
    int AdviserId,
    string Name,
    bool HasPhoto,
    string Bio,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<WeeklyHours> Hours,
    IReadOnlyList<MeetingType> MeetingTypes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int MinimumNoticeHours,
    int HorizonDays,
    int DailyCap,
    int Version);

public sealed record Slot(DateTimeOffset StartUtc, DateTimeOffset EndUtc);

public sealed record BookingAllowance(ClientTier Tier, bool CanBook, int MonthlyLimit, int UsedThisMonth, int CutOffHours);

public sealed record AppointmentView(
    int Id,
    string Reference,
    int AdviserId,
    string AdviserName,
    bool AdviserHasPhoto,
    string InvestorName,
    string InvestorAccountNumber,
    ClientTier InvestorTier,
    MeetingType MeetingType,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    AppointmentStatus Status,
    string Topic,
    string? Questions,
    string? CustomReportRequest,
    string? DeclineReason,
    string? SharedSummary,
    string? PrivateNotes /* null unless the viewer is the adviser */,
    bool CanChange /* investor: before cut-off and active */,
    int Version);

public sealed record AppointmentPage(IReadOnlyList<AppointmentView> Rows, int Total);

public sealed record BookRequest(
    int AdviserId,
    int MeetingTypeId,
    DateTimeOffset StartUtc,
    string Topic,
    string? Questions,
    string? CustomReportRequest /* Diamond only */,
    Guid RequestId /* idempotency: same id -> same appointment */);

public enum BookingOutcome
{
    Booked,
    SlotTaken,
    LimitReached,
    Invalid,
    NotAllowed,
    Stale,
}

/// <summary>
/// What a booking service call came to. <see cref="BookingOutcome.Booked"/> is also the answer of every successful
/// change (confirm, cancel, save); <see cref="FieldErrors"/> are keyed by the request's or settings' property name.
/// </summary>
public sealed record BookingResult(BookingOutcome Outcome, AppointmentView? Appointment, IReadOnlyDictionary<string, string>? FieldErrors)
{
    public bool Succeeded => Outcome == BookingOutcome.Booked;
}
