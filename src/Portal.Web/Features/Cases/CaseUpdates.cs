using Portal.Web.Hosting.LiveUpdates;

namespace Portal.Web.Features.Cases;

/// <summary>
/// Cases as they change: the services publish after each save, once per audience (the case's page, its investor's
/// lists, the desk's lists). Rides the event bus, so a page on another instance sees the change too.
/// </summary>
public sealed class CaseUpdates(IEventBus bus)
{
    private const string DeskKey = "desk";

    private readonly LiveNotifier<CaseChanged> _cases = new(bus, "case");
    private readonly LiveNotifier<CaseChanged> _investors = new(bus, "case-investor");
    private readonly LiveNotifier<CaseChanged> _desk = new(bus, "case-desk");

    /// <summary>A case's detail pages (investor and desk).</summary>
    public IDisposable SubscribeCase(string reference, Func<CaseChanged, Task> onChange) => _cases.Subscribe(reference, onChange);

    /// <summary>An investor's own lists.</summary>
    public IDisposable SubscribeInvestor(string investorUserId, Func<CaseChanged, Task> onChange) => _investors.Subscribe(investorUserId, onChange);

    /// <summary>The desk's lists and counts.</summary>
    public IDisposable SubscribeDesk(Func<CaseChanged, Task> onChange) => _desk.Subscribe(DeskKey, onChange);

    public async Task NotifyAsync(CaseChanged change, CancellationToken cancellationToken = default)
    {
        await _cases.NotifyAsync(change.Reference, change, cancellationToken);
        // An internal note is nothing the client's lists show; a case without a client sign-in has no such lists.
        if (change.Kind != CaseChangeKind.NoteAdded && change.InvestorUserId.Length > 0)
        {
            await _investors.NotifyAsync(change.InvestorUserId, change, cancellationToken);
        }

        await _desk.NotifyAsync(DeskKey, change, cancellationToken);
    }
}
