using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Booking;

/// <summary>An investor's side of booking: every method checks role Investor and ownership.</summary>
public sealed class InvestorBooking
{
    public Task<BookingAllowance> GetAllowanceAsync(Actor actor, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The advisers the investor may book: their dedicated adviser (Gold, Diamond) and the analysts (Diamond); empty for Silver.</summary>
    public Task<IReadOnlyList<AdviserCard>> ListMyAdvisersAsync(Actor actor, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<Slot>> GetSlotsAsync(Actor actor, int adviserId, int meetingTypeId, DateOnly fromDate, int days, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<BookingResult> BookAsync(Actor actor, BookRequest request, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<BookingResult> RescheduleAsync(Actor actor, int appointmentId, DateTimeOffset newStartUtc, int version, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<BookingResult> CancelAsync(Actor actor, int appointmentId, int version, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<AppointmentPage> ListMyAppointmentsAsync(Actor actor, bool upcoming, int page, int pageSize, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>The investor's own appointment; null when it is not theirs.</summary>
    public Task<AppointmentView?> GetAsync(Actor actor, int appointmentId, CancellationToken ct = default) => throw new NotImplementedException();
}
