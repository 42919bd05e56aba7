using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

/// <summary>
/// The monthly tier rule (大客户分级): a tier needs both its deposit and its volume threshold in the month;
/// otherwise the client falls to the next tier down.
/// </summary>
public sealed class TierRule(TierOptions options)
{
    public ClientTier Compute(decimal monthlyDeposits, int monthlyLots)
    {
        if (monthlyDeposits >= options.DiamondDeposits && monthlyLots >= options.DiamondLots)
        {
            return ClientTier.Diamond;
        }

        return monthlyDeposits >= options.GoldDeposits && monthlyLots >= options.GoldLots
            ? ClientTier.Gold
            : ClientTier.Silver;
    }

    /// <summary>What the next tier up needs in a month, or null at the top.</summary>
    public (decimal Deposits, int Lots)? NextTierNeeds(ClientTier tier) => tier switch
    {
        ClientTier.Silver => (options.GoldDeposits, options.GoldLots),
        ClientTier.Gold => (options.DiamondDeposits, options.DiamondLots),
        _ => null,
    };
}
