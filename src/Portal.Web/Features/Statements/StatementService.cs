using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

/// <summary>
/// An investor's statements and transactions. Every method takes the acting user and reads only their own investor's
/// rows (<see cref="Actor.RequireInvestor"/>: anyone else is refused), so another investor's data is unreachable
/// whatever the URL says.
/// </summary>
public sealed class StatementService(IDbContextFactory<PortalDbContext> dbFactory, InvestorDirectory investors, LedgerCache cache)
{
    public async Task<IReadOnlyList<StatementListItem>> ListStatementsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<MonthlyStatement>().AsNoTracking().Where(s => s.InvestorId == investorId)
            .OrderByDescending(s => s.Month).ToListAsync(cancellationToken);
        return rows.Select(s =>
        {
            var f = StatementsMapping.Figures(s);
            return new StatementListItem(s.Month, s.OpeningFen, s.DepositsFen, s.WithdrawalsFen, f.Gain, s.DividendsFen, s.FeesFen, s.ClosingFen,
                s.LotsTraded, s.TransactionCount, s.FailedCount);
        }).ToList();
    }

    /// <summary>The year's figures from its statements (opening of its first month, closing of its last).</summary>
    public static AnnualSummary Summarise(int year, IEnumerable<StatementListItem> statements)
    {
        var months = statements.Where(s => s.Month.Year == year).OrderBy(s => s.Month).ToList();
        return months.Count == 0
            ? new(year, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            : new(year, months.Count, months[0].OpeningFen, months.Sum(m => m.DepositsFen), months.Sum(m => m.WithdrawalsFen),
                months.Sum(m => m.GainFen), months.Sum(m => m.DividendsFen), months.Sum(m => m.FeesFen), months[^1].ClosingFen, months.Sum(m => m.Lots));
    }

    /// <summary>
    /// The full statement of one month, or null when the acting investor has none for it. Its month (the statement's
    /// figures, tier and holdings, the month's transactions) changes only with the ledger and comes from
    /// <see cref="LedgerCache"/>. The investor's name and numbers (Accounts may change them at any time) and their accounts
    /// are read on every call: no ledger event announces a change to them.
    /// </summary>
    public async Task<StatementDocument?> GetStatementAsync(Actor actor, DateOnly month, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The queries below on one connection rather than one open each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var statement = await cache.GetAsync(new StatementKey(investorId, month), ct => LoadMonthAsync(db, investorId, month, ct), cancellationToken);
        if (statement is null || await investors.FindProfileAsync(db, actor, investorId, cancellationToken) is not { } investor)
        {
            return null;
        }

        var accounts = await db.Set<InvestorAccount>().AsNoTracking().Where(a => a.InvestorId == investor.Id)
            .OrderBy(a => a.Number).Select(a => a.Number).ToListAsync(cancellationToken);
        // The statement shows the tier of its own month's figures.
        return new(
            new(investor.Name, investor.AccountNumber, investor.MaskedIdNumber, statement.Tier, accounts),
            month, statement.Figures, statement.ClosingCashFen, statement.Lots, statement.Holdings, statement.Transactions, statement.GeneratedAt);
    }

    /// <summary>The investor's statement of the month, its holdings and the month's transactions; null when there is no statement.</summary>
    private static async Task<StatementMonth?> LoadMonthAsync(PortalDbContext db, int investorId, DateOnly month, CancellationToken cancellationToken)
    {
        var statement = await db.Set<MonthlyStatement>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.InvestorId == investorId && s.Month == month, cancellationToken);
        if (statement is null)
        {
            return null;
        }

        // Holdings by their own indexed query: as an Include, SQLite materialises every statement's holdings to join them.
        var holdings = await db.Set<StatementHolding>().AsNoTracking().Where(h => h.StatementId == statement.Id)
            .OrderByDescending(h => h.MarketValueFen)
            .Select(h => new HoldingLine(h.Product!.Code, h.Product.Name, h.Product.Type, h.Product.Risk, h.Units, h.Nav, h.CostFen, h.MarketValueFen))
            .ToListAsync(cancellationToken);
        var end = month.AddMonths(1);
        var transactions = await Lines(db.Set<Transaction>().Where(t => t.InvestorId == investorId && t.TradeDate >= month && t.TradeDate < end)
            .OrderBy(t => t.TradeDate).ThenBy(t => t.Id)).ToListAsync(cancellationToken);
        // Read-only wrappers: the copy is shared by every circuit that shows this statement.
        return new(statement.Tier, StatementsMapping.Figures(statement), statement.ClosingCashFen, statement.LotsTraded,
            holdings.AsReadOnly(), transactions.AsReadOnly(), statement.GeneratedAt);
    }

    public async Task<TransactionPage> SearchTransactionsAsync(Actor actor, TransactionQuery query, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<Transaction>().Where(t => t.InvestorId == investorId);
        if (query.From is { } from)
        {
            rows = rows.Where(t => t.TradeDate >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(t => t.TradeDate <= to);
        }

        if (query.ProductId is { } productId)
        {
            rows = rows.Where(t => t.ProductId == productId || t.TargetProductId == productId);
        }

        if (query.Type is { } type)
        {
            rows = rows.Where(t => t.Type == type);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(t => t.Status == status);
        }

        var total = await rows.CountAsync(cancellationToken);
        rows = query.Sort switch
        {
            TransactionSort.DateAscending => rows.OrderBy(t => t.TradeDate).ThenBy(t => t.Id),
            TransactionSort.AmountDescending => rows.OrderByDescending(t => t.AmountFen).ThenByDescending(t => t.Id),
            TransactionSort.AmountAscending => rows.OrderBy(t => t.AmountFen).ThenBy(t => t.Id),
            _ => rows.OrderByDescending(t => t.TradeDate).ThenByDescending(t => t.Id),
        };
        var page = await Lines(rows.Skip(query.Page * query.PageSize).Take(query.PageSize)).ToListAsync(cancellationToken);
        return new(page, total);
    }

    /// <summary>One transaction of the acting investor, or null (also when it belongs to someone else).</summary>
    public async Task<TransactionLine?> GetTransactionAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var investorId = actor.RequireInvestor();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Lines(db.Set<Transaction>().Where(t => t.Id == id && t.InvestorId == investorId)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProductOption>> ListProductsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Product>().AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ProductOption(p.Id, p.Code, p.Name)).ToListAsync(cancellationToken);
    }

    internal static IQueryable<TransactionLine> Lines(IQueryable<Transaction> transactions) =>
        transactions.AsNoTracking().Select(t => new TransactionLine(
            t.Id, t.Reference, t.TradeDate, t.Account!.Number, t.Type, t.Status,
            t.Product != null ? t.Product.Code : null, t.Product != null ? t.Product.Name : null, t.Units, t.Nav, t.AmountFen, t.FeeFen, t.Lots,
            t.FailureReason, t.TargetProduct != null ? t.TargetProduct.Name : null, t.TargetUnits, t.RecordedAt));

    /// <summary>A statement document's month: what only the ledger changes (its investor's name and accounts are not in it).</summary>
    private sealed record StatementMonth(
        ClientTier Tier, StatementFigures Figures, long ClosingCashFen, int Lots, IReadOnlyList<HoldingLine> Holdings,
        IReadOnlyList<TransactionLine> Transactions, DateTimeOffset GeneratedAt);

    private sealed record StatementKey(int InvestorId, DateOnly Month) : LedgerKey<StatementMonth?>;
}
