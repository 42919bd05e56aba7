using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;

namespace Portal.UnitTests.Statements;

public sealed class TierRuleTests
{
    private static readonly TierRule Rule = new(new TierOptions());

    [Theory]
    [InlineData(0, 0, ClientTier.Silver)]
    [InlineData(499_999.99, 200, ClientTier.Silver)]
    [InlineData(500_000, 199, ClientTier.Silver)]
    [InlineData(500_000, 200, ClientTier.Gold)]
    [InlineData(500_000.01, 201, ClientTier.Gold)]
    [InlineData(999_999.99, 700, ClientTier.Gold)]
    [InlineData(1_000_000, 699, ClientTier.Gold)]
    [InlineData(1_000_000, 700, ClientTier.Diamond)]
    [InlineData(1_000_000.01, 701, ClientTier.Diamond)]
    [InlineData(5_000_000, 5_000, ClientTier.Diamond)]
    public void Both_thresholds_must_be_met(decimal deposits, int lots, ClientTier expected) =>
        Assert.Equal(expected, Rule.Compute(deposits, lots));

    [Theory]
    [InlineData(2_000_000, 100, ClientTier.Silver)]
    [InlineData(100_000, 2_000, ClientTier.Silver)]
    [InlineData(2_000_000, 300, ClientTier.Gold)]
    [InlineData(600_000, 2_000, ClientTier.Gold)]
    public void A_large_figure_on_one_side_does_not_make_up_for_the_other(decimal deposits, int lots, ClientTier expected) =>
        Assert.Equal(expected, Rule.Compute(deposits, lots));

    [Theory]
    [InlineData(99_999.99, 50, ClientTier.Silver)]
    [InlineData(100_000, 50, ClientTier.Gold)]
    [InlineData(100_000, 49, ClientTier.Silver)]
    [InlineData(300_000, 100, ClientTier.Diamond)]
    [InlineData(299_999.99, 100, ClientTier.Gold)]
    public void Thresholds_come_from_the_options(decimal deposits, int lots, ClientTier expected)
    {
        var rule = new TierRule(new TierOptions { GoldDeposits = 100_000m, GoldLots = 50, DiamondDeposits = 300_000m, DiamondLots = 100 });
        Assert.Equal(expected, rule.Compute(deposits, lots));
    }

    [Fact]
    public void Next_tier_needs_name_the_thresholds_of_the_tier_above()
    {
        Assert.Equal((500_000m, 200), Rule.NextTierNeeds(ClientTier.Silver));
        Assert.Equal((1_000_000m, 700), Rule.NextTierNeeds(ClientTier.Gold));
        Assert.Null(Rule.NextTierNeeds(ClientTier.Diamond));
    }
}
