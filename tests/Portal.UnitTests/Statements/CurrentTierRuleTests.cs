using Portal.Web.Features.Accounts;

namespace Portal.UnitTests.Statements;

/// <summary>Which month-end sets the current tier: only the latest month, and never over an override made in that month or later.</summary>
public sealed class CurrentTierRuleTests
{
    private static readonly DateOnly January = new(2026, 1, 1);
    private static readonly DateOnly February = new(2026, 2, 1);
    private static readonly DateOnly March = new(2026, 3, 1);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_first_month_end_sets_the_tier(bool overridden) =>
        Assert.True(CurrentTierRule.MonthEndSets(null, overridden, January));

    [Fact]
    public void A_later_month_sets_the_tier() => Assert.True(CurrentTierRule.MonthEndSets(February, false, March));

    [Fact]
    public void Running_the_same_month_again_sets_the_tier_again() => Assert.True(CurrentTierRule.MonthEndSets(March, false, March));

    [Fact]
    public void Re_running_an_older_month_leaves_the_current_tier() => Assert.False(CurrentTierRule.MonthEndSets(March, false, January));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_override_holds_through_the_month_ends_of_its_own_month_and_earlier_ones(int month) =>
        Assert.False(CurrentTierRule.MonthEndSets(March, true, new DateOnly(2026, month, 1)));

    [Fact]
    public void The_next_months_month_end_replaces_an_override() => Assert.True(CurrentTierRule.MonthEndSets(February, true, March));
}
