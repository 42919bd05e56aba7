namespace Portal.Web.Features.Statements;

/// <summary>The fields of a transaction that move money or units.</summary>
public sealed record LedgerEntry(
    TransactionType Type,
    TransactionStatus Status,
    DateOnly TradeDate,
    int? ProductId,
    decimal? Units,
    long AmountFen,
    long FeeFen,
    int Lots = 0,
    int? TargetProductId = null,
    decimal? TargetUnits = null);

public sealed record ValuedPosition(int ProductId, decimal Units, decimal Nav, long CostFen, long MarketValueFen)
{
    public long UnrealisedFen => MarketValueFen - CostFen;
}

/// <summary>What one month's confirmed transactions did, by the statement's headings.</summary>
public sealed record MonthActivity(long Deposits, long Withdrawals, long Realised, long Dividends, long Fees, int Lots);

/// <summary>
/// Cash and positions (units at average cost) replayed from confirmed transactions. Pending and failed
/// transactions move nothing. Pure: no I/O, so the statement arithmetic can be tested exhaustively.
/// </summary>
public sealed class Portfolio
{
    private readonly Dictionary<int, (decimal Units, long CostFen)> _positions = [];
    private long _deposits;
    private long _withdrawals;
    private long _realised;
    private long _dividends;
    private long _fees;
    private int _lots;

    public long CashFen { get; private set; }

    public void Apply(LedgerEntry entry)
    {
        if (entry.Status != TransactionStatus.Confirmed)
        {
            return;
        }

        CashFen -= entry.FeeFen;
        _fees += entry.FeeFen;
        switch (entry.Type)
        {
            case TransactionType.Deposit:
                CashFen += entry.AmountFen;
                _deposits += entry.AmountFen;
                break;
            case TransactionType.Withdrawal:
                CashFen -= entry.AmountFen;
                _withdrawals += entry.AmountFen;
                break;
            case TransactionType.Fee:
                CashFen -= entry.AmountFen;
                _fees += entry.AmountFen;
                break;
            case TransactionType.Subscription:
                CashFen -= entry.AmountFen;
                AddUnits(entry.ProductId, entry.Units, entry.AmountFen);
                break;
            case TransactionType.Redemption:
                CashFen += entry.AmountFen;
                _realised += entry.AmountFen - RemoveUnits(entry.ProductId, entry.Units);
                break;
            case TransactionType.DividendCash:
                CashFen += entry.AmountFen;
                _dividends += entry.AmountFen;
                break;
            case TransactionType.DividendReinvested:
                AddUnits(entry.ProductId, entry.Units, entry.AmountFen);
                _dividends += entry.AmountFen;
                break;
            case TransactionType.Switch:
                _realised += entry.AmountFen - RemoveUnits(entry.ProductId, entry.Units);
                AddUnits(entry.TargetProductId, entry.TargetUnits, entry.AmountFen);
                break;
            case TransactionType.Trade:
                CashFen += entry.AmountFen;
                _realised += entry.AmountFen;
                _lots += entry.Lots;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry.Type, null);
        }
    }

    /// <summary>Returns what has been applied since the last call and starts counting afresh.</summary>
    public MonthActivity TakeActivity()
    {
        var activity = new MonthActivity(_deposits, _withdrawals, _realised, _dividends, _fees, _lots);
        _deposits = _withdrawals = _realised = _dividends = _fees = 0;
        _lots = 0;
        return activity;
    }

    /// <summary>The positions valued at each product's NAV on <paramref name="date"/>, largest first.</summary>
    public IReadOnlyList<ValuedPosition> Value(PriceBook prices, DateOnly date) =>
        _positions.Where(p => p.Value.Units != 0m)
            .Select(p =>
            {
                var nav = prices.NavOn(p.Key, date);
                return new ValuedPosition(p.Key, p.Value.Units, nav, p.Value.CostFen, Money.ToFen(p.Value.Units * nav));
            })
            .OrderByDescending(p => p.MarketValueFen).ThenBy(p => p.ProductId)
            .ToList();

    public long TotalValue(PriceBook prices, DateOnly date) => CashFen + Value(prices, date).Sum(p => p.MarketValueFen);

    private void AddUnits(int? productId, decimal? units, long costFen)
    {
        var id = productId ?? throw new InvalidOperationException("A unit movement needs a product.");
        var (held, cost) = _positions.GetValueOrDefault(id);
        _positions[id] = (held + (units ?? 0m), cost + costFen);
    }

    /// <summary>Takes units out at average cost and returns the cost removed.</summary>
    private long RemoveUnits(int? productId, decimal? units)
    {
        var id = productId ?? throw new InvalidOperationException("A unit movement needs a product.");
        var (held, cost) = _positions.GetValueOrDefault(id);
        var sold = Math.Min(units ?? 0m, held);
        if (held <= 0m || sold <= 0m)
        {
            return 0;
        }

        var costRemoved = sold == held ? cost : Money.ToFen(Money.ToYuan(cost) * sold / held);
        _positions[id] = (held - sold, cost - costRemoved);
        return costRemoved;
    }
}
