using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements.DemoData;

/// <summary>
/// 24 closed months of prices, transactions and statements (plus the current month so far) for the
/// demo investors, three months for the generated ones. Runs after the accounts seeder; inserts everything once, when no product exists yet.
/// </summary>
internal sealed partial class StatementsDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory, InvestorDirectory directory, IOptions<TierOptions> tiers, StatementCalendar calendar,
    TimeProvider clock, LedgerCache ledger, ILogger<StatementsDemoSeeder> logger) : IDemoDataSeeder
{
    public const int Months = 24;

    // Demo history follows the configured thresholds (the defaults of the Admin setting).
    private readonly TierRule _tierRule = new(tiers.Value);

    /// <summary>Generated investors get a shorter history: enough for tiers and the staff views, quick to insert.</summary>
    public const int GeneratedMonths = 3;

    // Richer histories (several trades, purchases and a few failures) for the accounts people sign in with.
    private static readonly HashSet<string> SignInInvestors = ["880000000001", "880000000002", "880000000003"];

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<Product>().AnyAsync(cancellationToken))
        {
            return;
        }

        var started = clock.GetTimestamp();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var today = calendar.Today;
        var firstMonth = calendar.CurrentMonth.AddMonths(-Months);
        var now = clock.GetUtcNow();

        var shelf = DemoProducts.Shelf.Select(s => (Product: new Product { Code = s.Code, Name = s.Name, Type = s.Type, Risk = s.Risk }, Spec: s)).ToList();
        db.AddRange(shelf.Select(s => s.Product));
        await db.SaveChangesAsync(cancellationToken);

        var prices = shelf.SelectMany(s => DemoProducts.Prices(s.Spec, firstMonth.AddDays(-14), today)
            .Select(p => new ProductPrice { ProductId = s.Product.Id, Date = p.Date, Nav = p.Nav })).ToList();
        db.AddRange(prices);
        var book = new PriceBook(prices.Select(p => (p.ProductId, p.Date, p.Nav)));

        var investors = await directory.ListTiersAsync(db, Actor.System("demo data"), 0, int.MaxValue, cancellationToken);
        var accounts = investors.ToDictionary(
            i => i.InvestorId,
            i => (Fund: new InvestorAccount { InvestorId = i.InvestorId, Number = i.AccountNumber + "-1", Kind = AccountKind.Fund, OpenedOn = firstMonth },
                  Trading: new InvestorAccount { InvestorId = i.InvestorId, Number = i.AccountNumber + "-2", Kind = AccountKind.Trading, OpenedOn = firstMonth }));
        db.AddRange(accounts.Values.SelectMany(a => new[] { a.Fund, a.Trading }));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var investor in investors)
        {
            var (fund, trading) = accounts[investor.InvestorId];
            var rich = SignInInvestors.Contains(investor.AccountNumber);
            // Generated investors hold two products each, which keeps start-up quick.
            var products = rich ? shelf : [shelf[0], shelf[1 + (investor.InvestorId % (shelf.Count - 1))]];
            var ledger = new DemoLedger(investor.InvestorId, investor.AccountNumber, investor.Tier, rich, fund, trading, products, book, tiers.Value, now);
            var from = rich ? firstMonth : calendar.CurrentMonth.AddMonths(-GeneratedMonths);
            var transactions = ledger.Write(from, today);
            db.AddRange(transactions);
            db.AddRange(BuildStatements(investor.InvestorId, transactions, book, from, now));
            if (investor.Tier.IsVip())
            {
                InvestorDirectory.AddDemoTierHistory(db, investor.InvestorId, investor.Tier, firstMonth,
                    new DateTimeOffset(firstMonth.AddMonths(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
            }
        }

        db.ChangeTracker.DetectChanges();
        var rows = db.ChangeTracker.Entries().Count();
        await db.SaveChangesAsync(cancellationToken);
        var elapsed = clock.GetElapsedTime(started);
        Seeded(logger, rows, investors.Count, (long)elapsed.TotalMilliseconds);
        // As every writer of the ledger does: an instance already serving this database may have kept "no statement".
        await ledger.ChangedAsync(CancellationToken.None);
    }

    private IEnumerable<MonthlyStatement> BuildStatements(int investorId, List<Transaction> transactions, PriceBook book, DateOnly firstMonth, DateTimeOffset now)
    {
        var portfolio = new Portfolio();
        var byMonth = transactions.ToLookup(t => StatementsMapping.MonthOf(t.TradeDate));
        for (var month = firstMonth; month < calendar.CurrentMonth; month = month.AddMonths(1))
        {
            var built = StatementBuilder.BuildMonth(portfolio, byMonth[month].Select(StatementsMapping.ToEntry), book, month);
            var tier = _tierRule.Compute(Money.ToYuan(built.Figures.Deposits), built.Lots);
            yield return StatementsMapping.ToStatement(investorId, month, built, tier, byMonth[month].ToList(), now);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statements demo data: {Rows} rows for {Investors} investors in {Elapsed} ms")]
    private static partial void Seeded(ILogger logger, int rows, int investors, long elapsed);
}
