namespace Portal.Web.Features.Statements;

public enum TransactionType
{
    Deposit,
    Withdrawal,
    Subscription,
    Redemption,
    DividendCash,
    DividendReinvested,
    Switch,
    Fee,
    Trade,
}

public enum TransactionStatus
{
    Confirmed,
    Pending,
    Failed,
}

/// <summary>Why the record-keeping system rejected a transaction; each has its own advice to the investor.</summary>
public enum FailureReason
{
    InsufficientFunds,
    BankTransferRejected,
    AfterCutOff,
    RiskMismatch,
    ProductSuspended,
    AccountRestricted,
}

/// <summary>
/// One transaction as the firm's records report it. Amounts are exact fen. <see cref="AmountFen"/> is the
/// gross amount (for a trade: its realised profit or loss, which may be negative); <see cref="FeeFen"/>
/// is always charged to cash on top.
/// </summary>
public sealed class Transaction
{
    public long Id { get; set; }

    /// <summary>The source system's id; imports are idempotent on it.</summary>
    public string SourceId { get; set; } = "";

    /// <summary>The reference shown to the investor.</summary>
    public string Reference { get; set; } = "";

    public int InvestorId { get; set; }

    public int AccountId { get; set; }

    public InvestorAccount? Account { get; set; }

    public int? ProductId { get; set; }

    public Product? Product { get; set; }

    public TransactionType Type { get; set; }

    public TransactionStatus Status { get; set; }

    public FailureReason? FailureReason { get; set; }

    public DateOnly TradeDate { get; set; }

    /// <summary>Units bought, sold, reinvested or switched out.</summary>
    public decimal? Units { get; set; }

    /// <summary>The NAV the units were priced at.</summary>
    public decimal? Nav { get; set; }

    public long AmountFen { get; set; }

    public long FeeFen { get; set; }

    /// <summary>Lots traded (trades only); counts towards the tier.</summary>
    public int Lots { get; set; }

    /// <summary>The product switched into (switches only).</summary>
    public int? TargetProductId { get; set; }

    public Product? TargetProduct { get; set; }

    public decimal? TargetUnits { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
