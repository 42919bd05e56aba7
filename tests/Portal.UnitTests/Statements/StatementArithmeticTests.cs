using Portal.Web.Features.Statements;

namespace Portal.UnitTests.Statements;

public sealed class StatementArithmeticTests
{
    private const int Fund = 1;
    private const int Bond = 2;
    private static readonly DateOnly October = new(2026, 10, 1);

    private static readonly PriceBook Prices = new(
    [
        (Fund, new DateOnly(2026, 9, 30), 1.0000m),
        (Fund, new DateOnly(2026, 10, 9), 1.0500m),
        (Fund, new DateOnly(2026, 10, 20), 1.1000m),
        (Fund, new DateOnly(2026, 10, 30), 1.2345m),
        (Bond, new DateOnly(2026, 9, 30), 1.0512m),
        (Bond, new DateOnly(2026, 10, 30), 1.0533m),
    ]);

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0)]
    [InlineData(100_00, 50_00, 20_00, 5_00, 1_00, 134_00)]
    [InlineData(1_000_000_00, 0, 250_000_00, -30_000_01, 12_34, 719_987_65)]
    public void Closing_is_opening_plus_net_flows_plus_gain_minus_fees(long opening, long deposits, long withdrawals, long gain, long fees, long closing) =>
        Assert.Equal(closing, StatementArithmetic.ExpectedClosing(opening, deposits, withdrawals, gain, fees));

    [Fact]
    public void A_month_of_every_transaction_type_balances_to_the_fen()
    {
        var portfolio = new Portfolio();
        portfolio.Apply(new(TransactionType.Deposit, TransactionStatus.Confirmed, new(2026, 9, 1), null, null, 200_000_00, 0));
        portfolio.Apply(new(TransactionType.Subscription, TransactionStatus.Confirmed, new(2026, 9, 2), Fund, 50_000.00m, 50_000_00, 75_00));

        var built = StatementBuilder.BuildMonth(portfolio,
        [
            new(TransactionType.Deposit, TransactionStatus.Confirmed, new(2026, 10, 8), null, null, 30_000_00, 0),
            new(TransactionType.Subscription, TransactionStatus.Confirmed, new(2026, 10, 9), Bond, 9_512.55m, 10_000_00, 8_00),
            new(TransactionType.Redemption, TransactionStatus.Confirmed, new(2026, 10, 20), Fund, 12_345.67m, 13_580_24, 33_95),
            new(TransactionType.Switch, TransactionStatus.Confirmed, new(2026, 10, 21), Fund, 1_000.00m, 1_100_00, 1_10, TargetProductId: Bond, TargetUnits: 1_046.43m),
            new(TransactionType.DividendCash, TransactionStatus.Confirmed, new(2026, 10, 22), Bond, null, 123_45, 0),
            new(TransactionType.DividendReinvested, TransactionStatus.Confirmed, new(2026, 10, 23), Fund, 10.11m, 11_12, 0),
            new(TransactionType.Trade, TransactionStatus.Confirmed, new(2026, 10, 24), null, null, -4_321_09, 250_00, Lots: 50),
            new(TransactionType.Fee, TransactionStatus.Confirmed, new(2026, 10, 28), null, null, 50_00, 0),
            new(TransactionType.Withdrawal, TransactionStatus.Confirmed, new(2026, 10, 29), null, null, 20_000_00, 0),
        ], Prices, October);

        var f = built.Figures;
        Assert.True(StatementArithmetic.Balances(f));
        Assert.Equal(200_000_00 - 75_00, f.Opening);
        Assert.Equal(30_000_00, f.Deposits);
        Assert.Equal(20_000_00, f.Withdrawals);
        Assert.Equal(8_00 + 33_95 + 1_10 + 250_00 + 50_00, f.Fees);
        Assert.Equal(123_45 + 11_12, f.Dividends);
        Assert.Equal(50, built.Lots);
        Assert.Equal(built.ClosingCashFen + built.Holdings.Sum(h => h.MarketValueFen), f.Closing);
    }

    [Fact]
    public void Realised_gain_uses_average_cost()
    {
        var portfolio = new Portfolio();
        portfolio.Apply(new(TransactionType.Deposit, TransactionStatus.Confirmed, new(2026, 9, 1), null, null, 100_000_00, 0));
        portfolio.Apply(new(TransactionType.Subscription, TransactionStatus.Confirmed, new(2026, 9, 2), Fund, 10_000m, 10_000_00, 0));

        // Half the units at 1.10: proceeds 5,500.00 against a cost of 5,000.00.
        var built = StatementBuilder.BuildMonth(portfolio,
            [new(TransactionType.Redemption, TransactionStatus.Confirmed, new(2026, 10, 20), Fund, 5_000m, 5_500_00, 0)], Prices, October);

        Assert.Equal(500_00, built.Figures.Realised);
        Assert.Equal(5_000_00, Assert.Single(built.Holdings).CostFen);
    }

    [Theory]
    [InlineData(TransactionStatus.Pending)]
    [InlineData(TransactionStatus.Failed)]
    public void Pending_and_failed_transactions_move_nothing(TransactionStatus status)
    {
        var portfolio = new Portfolio();
        var built = StatementBuilder.BuildMonth(portfolio,
        [
            new(TransactionType.Deposit, status, new(2026, 10, 8), null, null, 30_000_00, 0),
            new(TransactionType.Subscription, status, new(2026, 10, 9), Fund, 100m, 100_00, 1_00),
        ], Prices, October);

        Assert.Equal(new StatementFigures(0, 0, 0, 0, 0, 0, 0, 0), built.Figures);
        Assert.Empty(built.Holdings);
    }

    [Fact]
    public void Unrealised_gain_is_the_change_in_market_value_over_cost()
    {
        var portfolio = new Portfolio();
        portfolio.Apply(new(TransactionType.Deposit, TransactionStatus.Confirmed, new(2026, 9, 1), null, null, 10_000_00, 0));
        portfolio.Apply(new(TransactionType.Subscription, TransactionStatus.Confirmed, new(2026, 9, 2), Fund, 10_000m, 10_000_00, 0));

        var built = StatementBuilder.BuildMonth(portfolio, [], Prices, October);

        // 10,000 units from 1.0000 to 1.2345.
        Assert.Equal(2_345_00, built.Figures.Unrealised);
        Assert.Equal(12_345_00, built.Figures.Closing);
    }

    [Theory]
    [InlineData(0.005, 1)]
    [InlineData(-0.005, -1)]
    [InlineData(1234.564, 123456)]
    [InlineData(1234.565, 123457)]
    public void Amounts_round_half_away_from_zero_to_the_fen(decimal yuan, long fen) =>
        Assert.Equal(fen, Money.ToFen(yuan));

    [Fact]
    public void A_day_without_a_price_uses_the_last_one_before_it()
    {
        Assert.Equal(1.0500m, Prices.NavOn(Fund, new DateOnly(2026, 10, 11)));
        Assert.Equal(1.0000m, Prices.NavOn(Fund, new DateOnly(2026, 9, 1)));
    }
}
