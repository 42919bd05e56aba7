namespace Portal.Web.Features.Statements;

/// <summary>One month's statement as computed, before it is stored.</summary>
public sealed record BuiltStatement(StatementFigures Figures, IReadOnlyList<ValuedPosition> Holdings, long ClosingCashFen, int Lots);

/// <summary>Builds a month's statement figures from the portfolio at the start of the month and the month's transactions.</summary>
public static class StatementBuilder
{
    /// <summary>
    /// Applies <paramref name="monthEntries"/> to <paramref name="portfolio"/> (which must hold the state at the
    /// end of the previous month and holds the month-end state afterwards) and returns the statement.
    /// </summary>
    public static BuiltStatement BuildMonth(Portfolio portfolio, IEnumerable<LedgerEntry> monthEntries, PriceBook prices, DateOnly month)
    {
        var openingDate = month.AddDays(-1);
        var closingDate = month.AddMonths(1).AddDays(-1);
        var openingPositions = portfolio.Value(prices, openingDate);
        var opening = portfolio.CashFen + openingPositions.Sum(p => p.MarketValueFen);
        var openingUnrealised = openingPositions.Sum(p => p.UnrealisedFen);
        portfolio.TakeActivity();
        foreach (var entry in monthEntries.OrderBy(e => e.TradeDate))
        {
            portfolio.Apply(entry);
        }

        var activity = portfolio.TakeActivity();
        var holdings = portfolio.Value(prices, closingDate);
        var closing = portfolio.CashFen + holdings.Sum(p => p.MarketValueFen);
        var figures = new StatementFigures(
            opening, activity.Deposits, activity.Withdrawals, activity.Realised,
            holdings.Sum(p => p.UnrealisedFen) - openingUnrealised, activity.Dividends, activity.Fees, closing);
        if (!StatementArithmetic.Balances(figures))
        {
            throw new InvalidOperationException($"Statement for {month:yyyy-MM} does not balance.");
        }

        return new(figures, holdings, portfolio.CashFen, activity.Lots);
    }
}
