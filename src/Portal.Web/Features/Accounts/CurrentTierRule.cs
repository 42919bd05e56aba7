namespace Portal.Web.Features.Accounts;

/// <summary>
/// Which month-end may set an investor's current tier. Every month-end computes the month's tier for its statement,
/// but only the latest month sets the current tier: re-running an older month leaves it alone. A supervisor's
/// override, made in some month, holds through the month-ends of that month and every earlier one; the first
/// month-end of a later month applies the rule again.
/// </summary>
public static class CurrentTierRule
{
    /// <param name="tierMonth">The month the current tier stands for (null: no month-end has set it yet).</param>
    /// <param name="overridden">Whether the current tier is a supervisor's override.</param>
    /// <param name="month">The month whose month-end is running.</param>
    public static bool MonthEndSets(DateOnly? tierMonth, bool overridden, DateOnly month) =>
        tierMonth is not { } current || month > current || (month == current && !overridden);
}
