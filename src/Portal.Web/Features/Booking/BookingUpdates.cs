using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Booking;

/// <summary>What changed about an appointment, published after the save.</summary>
public sealed record AppointmentChanged(int AppointmentId, int AdviserId, int InvestorId, AppointmentStatus Status);

/// <summary>
/// Appointments as they change: the booking services publish after each save to the investor's and the adviser's
/// audience. Rides the event bus, so a page on another instance sees the change too.
/// </summary>
public sealed class BookingUpdates(IEventBus bus)
{
    private readonly LiveNotifier<AppointmentChanged> _investors = new(bus, "booking-investor");
    private readonly LiveNotifier<AppointmentChanged> _advisers = new(bus, "booking-adviser");

    /// <summary>An investor's own appointments and slots.</summary>
    public IDisposable SubscribeInvestor(int investorId, Func<Task> changed) =>
        _investors.Subscribe(investorId.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => changed());

    /// <summary>An adviser's calendar, requests and (for investors looking at them) open slots.</summary>
    public IDisposable SubscribeAdviser(int adviserId, Func<Task> changed) =>
        _advisers.Subscribe(adviserId.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => changed());

    /// <summary>The adviser's profile, hours or exceptions changed: their calendar and their open slots.</summary>
    public Task NotifyAdviserAsync(int adviserId, CancellationToken cancellationToken = default) =>
        _advisers.NotifyAsync(adviserId.ToString(System.Globalization.CultureInfo.InvariantCulture), new AppointmentChanged(0, adviserId, 0, AppointmentStatus.Requested), cancellationToken);

    public async Task NotifyAsync(AppointmentChanged change, CancellationToken cancellationToken = default)
    {
        await _investors.NotifyAsync(change.InvestorId.ToString(System.Globalization.CultureInfo.InvariantCulture), change, cancellationToken);
        await _advisers.NotifyAsync(change.AdviserId.ToString(System.Globalization.CultureInfo.InvariantCulture), change, cancellationToken);
    }
}
