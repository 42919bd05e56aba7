namespace Portal.Web.Features.Statements.DemoData;

/// <summary>The demo product shelf and its deterministic daily NAVs.</summary>
internal static class DemoProducts
{
    internal sealed record Spec(string Code, string Name, ProductType Type, RiskLevel Risk, decimal StartNav, int DriftBp, int SwingBp, int SubscriptionFeeBp);

    internal static readonly Spec[] Shelf =
    [
        new("000101", "稳利货币A", ProductType.MoneyMarket, RiskLevel.R1, 1.0000m, 0, 0, 0),
        new("000202", "安盈纯债债券A", ProductType.Bond, RiskLevel.R2, 1.0512m, 1, 4, 8),
        new("000303", "均衡配置混合", ProductType.Balanced, RiskLevel.R3, 1.3208m, 2, 60, 15),
        new("000404", "全球视野混合(QDII)", ProductType.Balanced, RiskLevel.R3, 0.9876m, 2, 80, 15),
        new("000505", "成长精选股票", ProductType.Equity, RiskLevel.R4, 2.1450m, 3, 140, 15),
        new("000606", "沪深300指数增强", ProductType.Index, RiskLevel.R4, 1.6733m, 2, 120, 12),
        new("000707", "科创先锋股票", ProductType.Equity, RiskLevel.R5, 0.8920m, 3, 220, 15),
    ];

    /// <summary>Weekday NAVs from <paramref name="from"/> to <paramref name="to"/>: a seeded walk in basis points.</summary>
    public static IEnumerable<(DateOnly Date, decimal Nav)> Prices(Spec spec, DateOnly from, DateOnly to)
    {
        var random = new Random(int.Parse(spec.Code, System.Globalization.CultureInfo.InvariantCulture));
        var nav = spec.StartNav;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            if (spec.SwingBp > 0)
            {
                var moveBp = spec.DriftBp + random.Next(-spec.SwingBp, spec.SwingBp + 1);
                nav = decimal.Round(nav * (1m + (moveBp / 10_000m)), 4, MidpointRounding.AwayFromZero);
            }

            yield return (day, nav);
        }
    }
}
