namespace Portal.Web.Features.Statements;

public enum AccountKind
{
    /// <summary>Fund account: subscriptions, redemptions, dividends, switches.</summary>
    Fund,

    /// <summary>Trading account: exchange trades counted in lots.</summary>
    Trading,
}

/// <summary>One of an investor's accounts at the firm.</summary>
public sealed class InvestorAccount
{
    public int Id { get; set; }

    public int InvestorId { get; set; }

    /// <summary>The client number followed by the account's suffix, e.g. 880000000001-1.</summary>
    public string Number { get; set; } = "";

    public AccountKind Kind { get; set; }

    public DateOnly OpenedOn { get; set; }
}
