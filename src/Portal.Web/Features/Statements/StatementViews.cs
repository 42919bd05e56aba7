using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

public sealed record StatementListItem(
    DateOnly Month, long OpeningFen, long DepositsFen, long WithdrawalsFen, long GainFen, long DividendsFen, long FeesFen, long ClosingFen,
    int Lots, int TransactionCount, int FailedCount);

public sealed record AnnualSummary(int Year, int Months, long OpeningFen, long DepositsFen, long WithdrawalsFen, long GainFen, long DividendsFen, long FeesFen, long ClosingFen, int Lots);

public sealed record StatementHeader(string Name, string AccountNumber, string MaskedIdNumber, ClientTier Tier, IReadOnlyList<string> AccountNumbers);

public sealed record HoldingLine(string ProductCode, string ProductName, ProductType Type, RiskLevel Risk, decimal Units, decimal Nav, long CostFen, long MarketValueFen)
{
    public long UnrealisedFen => MarketValueFen - CostFen;
}

public sealed record TransactionLine(
    long Id, string Reference, DateOnly TradeDate, string AccountNumber, TransactionType Type, TransactionStatus Status,
    string? ProductCode, string? ProductName, decimal? Units, decimal? Nav, long AmountFen, long FeeFen, int Lots,
    FailureReason? FailureReason, string? TargetProductName, decimal? TargetUnits, DateTimeOffset RecordedAt);

public sealed record StatementDocument(
    StatementHeader Header, DateOnly Month, StatementFigures Figures, long ClosingCashFen, int Lots,
    IReadOnlyList<HoldingLine> Holdings, IReadOnlyList<TransactionLine> Transactions, DateTimeOffset GeneratedAt);

public enum TransactionSort
{
    DateDescending,
    DateAscending,
    AmountDescending,
    AmountAscending,
}

public sealed record TransactionQuery(
    DateOnly? From = null, DateOnly? To = null, int? ProductId = null, TransactionType? Type = null, TransactionStatus? Status = null,
    TransactionSort Sort = TransactionSort.DateDescending, int Page = 0, int PageSize = 20);

public sealed record TransactionPage(IReadOnlyList<TransactionLine> Rows, int Total);

public sealed record ProductOption(int Id, string Code, string Name);

/// <summary>The investor dashboard ("/"), kept from the prerender; both parts are null when the user has no investor record.</summary>
public sealed record InvestorHomeView(InvestorCard? Investor, InvestorDashboard? Dashboard);

/// <summary>The investor as the dashboard greets them.</summary>
public sealed record InvestorCard(string Name, string AccountNumber, ClientTier Tier, string? AdviserName, string? AdviserStaffNumber)
{
    public static InvestorCard From(InvestorSummary investor) =>
        new(investor.Name, investor.AccountNumber, investor.Tier, investor.AdviserName, investor.AdviserStaffNumber);
}
