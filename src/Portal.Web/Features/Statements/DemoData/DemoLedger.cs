using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements.DemoData;

/// <summary>
/// Writes one investor's deterministic transaction history: regular deposits and fund purchases for
/// everyone, and for Gold and Diamond clients the monthly deposits and lots their tier needs.
/// Cash never goes negative except in the deliberately failed transactions.
/// </summary>
internal sealed class DemoLedger(
    int investorId, string clientNumber, ClientTier tier, bool rich, InvestorAccount fund, InvestorAccount trading,
    IReadOnlyList<(Product Product, DemoProducts.Spec Spec)> shelf, PriceBook prices, TierOptions thresholds, DateTimeOffset now)
{
    private readonly Random _random = new(int.Parse(clientNumber[^8..], System.Globalization.CultureInfo.InvariantCulture) * 7919);
    private readonly Portfolio _portfolio = new();
    private readonly Dictionary<int, decimal> _units = [];
    private readonly List<Transaction> _transactions = [];

    public List<Transaction> Write(DateOnly firstMonth, DateOnly today)
    {
        for (var month = firstMonth; month <= today; month = month.AddMonths(1))
        {
            var index = (month.Year - firstMonth.Year) * 12 + month.Month - firstMonth.Month;
            var lastDay = month.AddMonths(1).AddDays(-1);
            var days = lastDay < today ? lastDay.Day : today.Day;
            WriteMonth(month, index, days);
            if (rich && lastDay >= today)
            {
                // An order still being processed today, so the dashboard shows a pending one.
                var spec = shelf[index % shelf.Count];
                Add(today, TransactionType.Subscription, TransactionStatus.Pending, fund, spec.Product, amount: Yuan(2_000, 8_000));
            }
        }

        return _transactions;
    }

    private void WriteMonth(DateOnly month, int index, int days)
    {
        DateOnly Day(int preferred) => TradingDay(month.AddDays(Math.Min(preferred, days) - 1));

        if (index == 0)
        {
            Deposit(Day(2), Yuan(rich ? 60_000 : 20_000, rich ? 160_000 : 60_000));
        }

        var vip = tier.IsVip();
        if (vip)
        {
            var (depositTarget, lotsTarget) = tier == ClientTier.Diamond
                ? (thresholds.DiamondDeposits, thresholds.DiamondLots)
                : (thresholds.GoldDeposits, thresholds.GoldLots);
            var total = Money.ToFen(depositTarget) + Yuan(10_000, 300_000);
            var first = total / 2;
            Deposit(Day(3), first);
            if (days >= 12)
            {
                Deposit(Day(12), total - first);
            }

            var lots = lotsTarget + _random.Next(5, 180);
            var trades = rich ? 4 : 1;
            for (var t = 0; t < trades && 5 + (t * 6) <= days; t++)
            {
                var tradeLots = t == trades - 1 ? lots - (lots / trades * (trades - 1)) : lots / trades;
                Trade(Day(5 + (t * 6)), tradeLots);
            }
        }
        else if (rich)
        {
            Deposit(Day(4), Yuan(2_000, 9_000));
            if (_random.Next(3) == 0)
            {
                Trade(Day(16), _random.Next(2, 30));
            }
        }
        else
        {
            Deposit(Day(4), Yuan(1_000, 5_000));
        }

        // Regular purchases from cash, spread over the shelf.
        var buys = rich ? (vip ? 3 : 2) : 1;
        for (var b = 0; b < buys && 8 + (b * 5) <= days; b++)
        {
            var spec = shelf[_random.Next(shelf.Count)];
            var share = _portfolio.CashFen / (vip ? 6 : 3);
            if (share > 100_000)
            {
                Subscribe(Day(8 + (b * 5)), spec, share / 100_00 * 100_00);
            }
        }

        if (index % 3 == 2 && days >= 20)
        {
            RedeemSome(Day(20));
        }

        if (days >= 25)
        {
            MoneyMarketDividend(Day(25));
        }

        if (vip && days >= 27)
        {
            // VIPs move most of the month's deposits back out, so balances stay realistic.
            var keep = Yuan(20_000, 120_000);
            if (_portfolio.CashFen > keep)
            {
                Add(Day(27), TransactionType.Withdrawal, TransactionStatus.Confirmed, trading, amount: _portfolio.CashFen - keep);
            }
        }

        if (index % 6 == 5 && days >= 28)
        {
            Add(Day(28), TransactionType.Fee, TransactionStatus.Confirmed, fund, amount: rich ? 5_000 : 2_000);
        }

        if (rich && index % 9 == 4 && days >= 18)
        {
            WriteFailure(Day(18), index);
        }
    }

    private void WriteFailure(DateOnly day, int index)
    {
        var spec = shelf[^1];
        switch (index / 9 % 3)
        {
            case 0:
                Add(day, TransactionType.Subscription, TransactionStatus.Failed, fund, spec.Product, amount: _portfolio.CashFen + Yuan(50_000, 90_000), reason: FailureReason.InsufficientFunds);
                break;
            case 1:
                Add(day, TransactionType.Withdrawal, TransactionStatus.Failed, trading, amount: Yuan(5_000, 20_000), reason: FailureReason.BankTransferRejected);
                break;
            default:
                Add(day, TransactionType.Subscription, TransactionStatus.Failed, fund, spec.Product, amount: Yuan(10_000, 30_000), reason: tier.IsVip() ? FailureReason.AfterCutOff : FailureReason.RiskMismatch);
                break;
        }
    }

    private void Deposit(DateOnly day, long amount) =>
        Add(day, TransactionType.Deposit, TransactionStatus.Confirmed, fund, amount: amount);

    private void Trade(DateOnly day, int lots)
    {
        // Realised result per lot between a loss of 300 and a gain of 420 yuan; commission 5 yuan a lot.
        var result = lots * Yuan(-300, 420);
        Add(day, TransactionType.Trade, TransactionStatus.Confirmed, trading, amount: result, fee: lots * 500L, lots: lots);
    }

    private void Subscribe(DateOnly day, (Product Product, DemoProducts.Spec Spec) item, long amount)
    {
        var nav = prices.NavOn(item.Product.Id, day);
        var fee = amount * item.Spec.SubscriptionFeeBp / 10_000;
        if (amount + fee > _portfolio.CashFen)
        {
            return;
        }

        var units = decimal.Round(Money.ToYuan(amount) / nav, 2, MidpointRounding.ToZero);
        Add(day, TransactionType.Subscription, TransactionStatus.Confirmed, fund, item.Product, amount, fee, units: units, nav: nav);
    }

    private void RedeemSome(DateOnly day)
    {
        var held = _units.Where(u => u.Value > 0m).OrderBy(u => u.Key).ToList();
        if (held.Count == 0)
        {
            return;
        }

        var (productId, units) = held[_random.Next(held.Count)];
        var item = shelf.First(s => s.Product.Id == productId);
        var sold = decimal.Round(units * _random.Next(20, 60) / 100m, 2, MidpointRounding.ToZero);
        var nav = prices.NavOn(productId, day);
        var amount = Money.ToFen(sold * nav);
        if (_random.Next(4) == 0 && shelf.FirstOrDefault(s => s.Spec.Type == ProductType.Bond && s.Product.Id != productId) is { Product: not null } target)
        {
            var targetNav = prices.NavOn(target.Product.Id, day);
            var targetUnits = decimal.Round(Money.ToYuan(amount) / targetNav, 2, MidpointRounding.ToZero);
            Add(day, TransactionType.Switch, TransactionStatus.Confirmed, fund, item.Product, amount, amount / 1_000, units: sold, nav: nav, target: target.Product, targetUnits: targetUnits);
            return;
        }

        Add(day, TransactionType.Redemption, TransactionStatus.Confirmed, fund, item.Product, amount, amount * 25 / 10_000, units: sold, nav: nav);
    }

    private void MoneyMarketDividend(DateOnly day)
    {
        var money = shelf.First(s => s.Spec.Type == ProductType.MoneyMarket).Product;
        var units = _units.GetValueOrDefault(money.Id);
        var income = decimal.Round(units * 0.0015m, 2, MidpointRounding.ToZero);
        if (income > 0m)
        {
            Add(day, TransactionType.DividendReinvested, TransactionStatus.Confirmed, fund, money, Money.ToFen(income), units: income, nav: 1m);
        }
    }

    private long Yuan(int min, int max) => _random.Next(min, max + 1) * 100L;

    /// <summary>Moves a weekend day to the Friday before, or to the Monday after when that Friday is last month.</summary>
    private static DateOnly TradingDay(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.Day > 1 ? day.AddDays(-1) : day.AddDays(2),
        DayOfWeek.Sunday => day.Day > 2 ? day.AddDays(-2) : day.AddDays(1),
        _ => day,
    };

    private void Add(
        DateOnly day, TransactionType type, TransactionStatus status, InvestorAccount account, Product? product = null,
        long amount = 0, long fee = 0, decimal? units = null, decimal? nav = null, int lots = 0,
        Product? target = null, decimal? targetUnits = null, FailureReason? reason = null)
    {
        var sequence = _transactions.Count + 1;
        var transaction = new Transaction
        {
            SourceId = $"DEMO-{clientNumber}-{sequence:D5}",
            Reference = $"T{day:yyyyMMdd}{clientNumber[^4..]}{sequence:D4}",
            InvestorId = investorId,
            AccountId = account.Id,
            ProductId = product?.Id,
            Type = type,
            Status = status,
            FailureReason = reason,
            TradeDate = day,
            Units = units,
            Nav = nav,
            AmountFen = amount,
            FeeFen = fee,
            Lots = lots,
            TargetProductId = target?.Id,
            TargetUnits = targetUnits,
            RecordedAt = now,
        };
        _transactions.Add(transaction);
        var entry = StatementsMapping.ToEntry(transaction);
        _portfolio.Apply(entry);
        if (status == TransactionStatus.Confirmed)
        {
            TrackUnits(entry);
        }
    }

    private void TrackUnits(LedgerEntry entry)
    {
        switch (entry.Type)
        {
            case TransactionType.Subscription or TransactionType.DividendReinvested:
                _units[entry.ProductId!.Value] = _units.GetValueOrDefault(entry.ProductId.Value) + entry.Units!.Value;
                break;
            case TransactionType.Redemption:
                _units[entry.ProductId!.Value] -= entry.Units!.Value;
                break;
            case TransactionType.Switch:
                _units[entry.ProductId!.Value] -= entry.Units!.Value;
                _units[entry.TargetProductId!.Value] = _units.GetValueOrDefault(entry.TargetProductId.Value) + entry.TargetUnits!.Value;
                break;
            default:
                break;
        }
    }
}
