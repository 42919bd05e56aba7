using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

/// <summary>
/// An investor's statement for one calendar month, built by the month-end job. Closing = opening +
/// deposits − withdrawals + realised + unrealised + dividends − fees (see <see cref="StatementArithmetic"/>).
/// </summary>
public sealed class MonthlyStatement
{
    public long Id { get; set; }

    public int InvestorId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public long OpeningFen { get; set; }

    public long DepositsFen { get; set; }

    public long WithdrawalsFen { get; set; }

    public long RealisedGainFen { get; set; }

    /// <summary>The change in unrealised gain over the month.</summary>
    public long UnrealisedGainFen { get; set; }

    public long DividendsFen { get; set; }

    public long FeesFen { get; set; }

    public long ClosingFen { get; set; }

    public long ClosingCashFen { get; set; }

    public int LotsTraded { get; set; }

    /// <summary>The tier the tier rule gives for this month's deposits and lots (the current tier may differ: see CurrentTierRule).</summary>
    public ClientTier Tier { get; set; }

    public int TransactionCount { get; set; }

    public int FailedCount { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    public List<StatementHolding> Holdings { get; set; } = [];
}

/// <summary>A position at month end, as valued on the statement.</summary>
public sealed class StatementHolding
{
    public long Id { get; set; }

    public long StatementId { get; set; }

    public int ProductId { get; set; }

    public Product? Product { get; set; }

    public decimal Units { get; set; }

    public decimal Nav { get; set; }

    public long CostFen { get; set; }

    public long MarketValueFen { get; set; }
}
