using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

internal static class StatementsMapping
{
    public static LedgerEntry ToEntry(Transaction t) =>
        new(t.Type, t.Status, t.TradeDate, t.ProductId, t.Units, t.AmountFen, t.FeeFen, t.Lots, t.TargetProductId, t.TargetUnits);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static MonthlyStatement ToStatement(
        int investorId, DateOnly month, BuiltStatement built, ClientTier tier, IReadOnlyCollection<Transaction> monthTransactions, DateTimeOffset now)
    {
        var f = built.Figures;
        return new()
        {
            InvestorId = investorId,
            Month = month,
            OpeningFen = f.Opening,
            DepositsFen = f.Deposits,
            WithdrawalsFen = f.Withdrawals,
            RealisedGainFen = f.Realised,
            UnrealisedGainFen = f.Unrealised,
            DividendsFen = f.Dividends,
            FeesFen = f.Fees,
            ClosingFen = f.Closing,
            ClosingCashFen = built.ClosingCashFen,
            LotsTraded = built.Lots,
            Tier = tier,
            TransactionCount = monthTransactions.Count,
            FailedCount = monthTransactions.Count(t => t.Status == TransactionStatus.Failed),
            GeneratedAt = now,
            Holdings = built.Holdings.Select(h => new StatementHolding
            {
                ProductId = h.ProductId, Units = h.Units, Nav = h.Nav, CostFen = h.CostFen, MarketValueFen = h.MarketValueFen,
            }).ToList(),
        };
    }

    public static StatementFigures Figures(MonthlyStatement s) =>
        new(s.OpeningFen, s.DepositsFen, s.WithdrawalsFen, s.RealisedGainFen, s.UnrealisedGainFen, s.DividendsFen, s.FeesFen, s.ClosingFen);
}
