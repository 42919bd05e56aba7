using Portal.Web.Features.Cases;

namespace Portal.UnitTests.Cases;

/// <summary>DOMAIN.md's scoring: 5 min over 0.5, 10 min over 1, more than 10 an error (1.5, the month's later ones 3).</summary>
public sealed class LateHandlingRuleTests
{
    [Theory]
    [InlineData(-30)]
    [InlineData(-1)]
    [InlineData(0)]
    public void On_time_costs_nothing(int minutesOver) => Assert.Null(LateHandlingRule.For(minutesOver, 0));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Up_to_five_minutes_over_costs_half_a_point(int minutesOver) =>
        Assert.Equal(new LatePenalty(0.5, false), LateHandlingRule.For(minutesOver, 0));

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    public void Over_five_and_up_to_ten_minutes_costs_a_point(int minutesOver) =>
        Assert.Equal(new LatePenalty(1, false), LateHandlingRule.For(minutesOver, 0));

    [Theory]
    [InlineData(11)]
    [InlineData(15)]
    [InlineData(20)]
    [InlineData(240)]
    public void More_than_ten_minutes_over_is_an_error_of_one_and_a_half_points_the_first_time(int minutesOver) =>
        Assert.Equal(new LatePenalty(1.5, true), LateHandlingRule.For(minutesOver, 0));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void A_later_error_in_the_month_costs_three_points(int errorsBefore) =>
        Assert.Equal(new LatePenalty(3, true), LateHandlingRule.For(11, errorsBefore));

    [Fact]
    public void Earlier_errors_do_not_raise_small_delays() =>
        Assert.Equal(new LatePenalty(0.5, false), LateHandlingRule.For(4, 3));
}
