using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Cases.Ui;

/// <summary>A case's clock as people read it: "due in 1 h 20 min", "overdue by 35 min" (business time).</summary>
public static class SlaText
{
    public static string Duration(IStringLocalizer<CasesPagesText> l, double businessMinutes)
    {
        var minutes = (int)Math.Ceiling(Math.Abs(businessMinutes));
        return minutes < 60 ? l["Sla.Minutes", minutes] : l["Sla.HoursMinutes", minutes / 60, minutes % 60];
    }

    /// <summary>What the clock says; <paramref name="forClient"/> words the pause for the investor ("while we wait for you").</summary>
    public static string Describe(IStringLocalizer<CasesPagesText> l, SlaState state, double? businessMinutesLeft, bool forClient) => state switch
    {
        SlaState.Paused => forClient ? l["Sla.PausedClient"] : l["Sla.PausedDesk"],
        SlaState.Met => l["Sla.Met"],
        SlaState.MissedButDone => l["Sla.MissedButDone"],
        SlaState.Breached => businessMinutesLeft is { } over ? l["Sla.OverdueBy", Duration(l, over)] : l["Sla.Breached"],
        _ => businessMinutesLeft is { } left ? l["Sla.DueIn", Duration(l, left)] : l["Sla." + state],
    };
}
