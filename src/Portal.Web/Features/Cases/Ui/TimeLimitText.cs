using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Cases.Ui;

/// <summary>A time limit as people read it: "30 min", "1 working day", "promptly (10 min)".</summary>
public static class TimeLimitText
{
    public static string Describe(IStringLocalizer<CasesPagesText> l, TimeLimit limit, int promptlyMinutes) => limit.Unit switch
    {
        TimeLimitUnit.Minutes => l["Limit.Minutes", limit.Amount],
        TimeLimitUnit.WorkingDays => limit.Amount == 1 ? l["Limit.OneDay"] : l["Limit.Days", limit.Amount],
        _ => l["Limit.Promptly", promptlyMinutes],
    };
}
