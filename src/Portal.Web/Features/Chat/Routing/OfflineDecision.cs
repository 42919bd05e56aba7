using Portal.Web.Features.Admin.Calendar;

namespace Portal.Web.Features.Chat.Routing;

/// <summary>
/// Whether chat is open: it is while at least one agent is Online, day or night (a night shift opens it); with nobody
/// Online an investor leaves a message and is told the next opening of the business calendar.
/// </summary>
public static class OfflineDecision
{
    public static ChatAvailability Decide(int agentsOnline, BusinessCalendar calendar, DateTimeOffset now)
    {
        var open = calendar.IsOpen(now);
        return new(agentsOnline > 0, open ? null : calendar.NextOpening(now), open);
    }
}
