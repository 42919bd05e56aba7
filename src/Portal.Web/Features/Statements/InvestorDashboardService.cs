using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

public sealed record AllocationSlice(ProductType? Type, long ValueFen);

public sealed record ValuePoint(DateOnly Month, long ValueFen);

public sealed record InvestorDashboard(
    long TotalValueFen, long ChangeThisMonthFen, IReadOnlyList<AllocationSlice> Allocation, IReadOnlyList<ValuePoint> History,
    long DepositsThisMonthFen, int LotsThisMonth, IReadOnlyList<TransactionLine> Recent, IReadOnlyList<TransactionLine> Failed);

/// <summary>The figures of the acting investor's dashboard, valued today from confirmed transactions and the latest NAVs.</summary>
public sealed class InvestorDashboardService(IDbContextFactory<PortalDbContext> dbFactory, StatementCalendar calendar, LedgerCache cache)
{
    public const int HistoryMonths = 24;
    public const int RecentCount = 5;

    /// <summary>Failed transactions stay on the dashboard this long.</summary>
    public const int FailedNoticeDays = 90;

    public Task<InvestorDashboard> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        var today = calendar.Today;
        return cache.GetAsync(new DashboardKey(investorId, today), ct => ComputeAsync(investorId, today, ct), cancellationToken);
    }

    private async Task<InvestorDashboard> ComputeAsync(int investorId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the six queries below, not one from the pool each (profiled: a signed-in dashboard spent
        // 30 % of its time waiting on the SQLite pool's lock to open and close them).
        await db.Database.OpenConnectionAsync(cancellationToken);

        var month = StatementsMapping.MonthOf(today);
        var entries = await db.Set<Transaction>().AsNoTracking()
            .Where(t => t.InvestorId == investorId && t.Status == TransactionStatus.Confirmed && t.TradeDate <= today)
            .OrderBy(t => t.TradeDate).ThenBy(t => t.Id)
            .Select(t => new LedgerEntry(t.Type, t.Status, t.TradeDate, t.ProductId, t.Units, t.AmountFen, t.FeeFen, t.Lots, t.TargetProductId, t.TargetUnits))
            .ToListAsync(cancellationToken);

        // Only the latest NAVs are needed to value today's positions.
        var since = today.AddDays(-31);
        var prices = new PriceBook(await db.Set<ProductPrice>().AsNoTracking().Where(p => p.Date >= since && p.Date <= today)
            .Select(p => new ValueTuple<int, DateOnly, decimal>(p.ProductId, p.Date, p.Nav)).ToListAsync(cancellationToken));
        var types = await db.Set<Product>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Type, cancellationToken);

        var portfolio = new Portfolio();
        foreach (var entry in entries)
        {
            portfolio.Apply(entry);
        }

        var positions = portfolio.Value(prices, today);
        var total = portfolio.CashFen + positions.Sum(p => p.MarketValueFen);
        var allocation = positions.GroupBy(p => types[p.ProductId])
            .Select(g => new AllocationSlice(g.Key, g.Sum(p => p.MarketValueFen)))
            .Append(new AllocationSlice(null, portfolio.CashFen))
            .Where(s => s.ValueFen > 0).OrderByDescending(s => s.ValueFen).ToList();

        var from = month.AddMonths(-HistoryMonths);
        var history = await db.Set<MonthlyStatement>().AsNoTracking().Where(s => s.InvestorId == investorId && s.Month >= from)
            .OrderBy(s => s.Month).Select(s => new ValuePoint(s.Month, s.ClosingFen)).ToListAsync(cancellationToken);
        var lastClosing = history.Count > 0 ? history[^1].ValueFen : 0;
        var thisMonth = entries.Where(e => e.TradeDate >= month).ToList();

        var recent = await StatementService.Lines(db.Set<Transaction>().Where(t => t.InvestorId == investorId)
            .OrderByDescending(t => t.TradeDate).ThenByDescending(t => t.Id).Take(RecentCount)).ToListAsync(cancellationToken);
        var failedSince = today.AddDays(-FailedNoticeDays);
        var failed = await StatementService.Lines(db.Set<Transaction>()
            .Where(t => t.InvestorId == investorId && t.Status == TransactionStatus.Failed && t.TradeDate >= failedSince)
            .OrderByDescending(t => t.TradeDate).ThenByDescending(t => t.Id)).ToListAsync(cancellationToken);

        return new(total, total - lastClosing, allocation, history,
            thisMonth.Where(e => e.Type == TransactionType.Deposit).Sum(e => e.AmountFen),
            thisMonth.Where(e => e.Type == TransactionType.Trade).Sum(e => e.Lots),
            recent, failed);
    }

    /// <summary>A dashboard is valued today: a new day computes it again.</summary>
    private sealed record DashboardKey(int InvestorId, DateOnly Today) : LedgerKey<InvestorDashboard>;
}
