namespace Portal.Web.Features.Statements;

/// <summary>The month's figures, all in fen.</summary>
public sealed record StatementFigures(
    long Opening, long Deposits, long Withdrawals, long Realised, long Unrealised, long Dividends, long Fees, long Closing)
{
    public long NetFlows => Deposits - Withdrawals;

    public long Gain => Realised + Unrealised + Dividends;
}

/// <summary>The statement identity: opening + net flows + gain − fees = closing.</summary>
public static class StatementArithmetic
{
    public static long ExpectedClosing(long opening, long deposits, long withdrawals, long gain, long fees) =>
        opening + deposits - withdrawals + gain - fees;

    public static bool Balances(StatementFigures f) =>
        ExpectedClosing(f.Opening, f.Deposits, f.Withdrawals, f.Gain, f.Fees) == f.Closing;
}
