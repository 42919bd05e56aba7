using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Statements;

/// <summary>
/// Month-end progress as it happens: the runner notifies when a run waits, saves a batch, finishes or fails; the
/// month-end panel follows every run (it shows its month's progress, and whether another month is busy). Rides the
/// event bus, so an admin's page on another instance follows the run too.
/// </summary>
public sealed class MonthEndUpdates(IEventBus bus)
{
    // One run at a time, so one key for all of them.
    private const string Runs = "runs";

    private readonly LiveNotifier<MonthEndProgress> _notifier = new(bus, "monthend");

    public Task NotifyAsync(MonthEndProgress progress, CancellationToken cancellationToken = default) =>
        _notifier.NotifyAsync(Runs, progress, cancellationToken);

    public IDisposable Subscribe(Func<MonthEndProgress, Task> onChange) => _notifier.Subscribe(Runs, onChange);
}
