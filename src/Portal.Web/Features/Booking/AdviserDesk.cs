using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Booking;

/// <summary>An adviser's side of booking (role Adviser): only the caller's own profile and calendar.</summary>
public sealed class AdviserDesk
{
    public Task<AdviserSettings> GetSettingsAsync(Actor actor, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary><see cref="BookingOutcome.Stale"/> on a version mismatch; field errors keyed by property name.</summary>
    public Task<BookingResult> SaveSettingsAsync(Actor actor, AdviserSettings settings, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<AvailabilityException>> ListExceptionsAsync(Actor actor, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> AddExceptionAsync(Actor actor, AvailabilityException exception, CancellationToken ct = default) => throw new NotImplementedException();

    public Task RemoveExceptionAsync(Actor actor, int exceptionId, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>JPEG, PNG or WebP by magic bytes, at most 2 MB; throws <see cref="BookingValidationException"/> otherwise.</summary>
    public Task SavePhotoAsync(Actor actor, Stream photo, string contentType, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<AppointmentView>> ListScheduleAsync(Actor actor, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Requests awaiting the adviser, soonest first.</summary>
    public Task<IReadOnlyList<AppointmentView>> ListRequestsAsync(Actor actor, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> ConfirmAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> DeclineAsync(Actor actor, int appointmentId, string reason, int version, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> CancelAsync(Actor actor, int appointmentId, string reason, int version, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> MarkCompletedAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> MarkNoShowAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> SaveNotesAsync(Actor actor, int appointmentId, string? privateNotes, string? sharedSummary, int version, CancellationToken ct = default) =>
        throw new NotImplementedException();
}

/// <summary>An upload or input the booking services refuse, with a message in the user's language.</summary>
public sealed class BookingValidationException(string message) : Exception(message);
