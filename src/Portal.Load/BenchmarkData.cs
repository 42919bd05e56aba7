using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;

namespace Portal.Load;

/// <summary>
/// Replaces the silver demo investor's history with 24 closed months of 200 transactions each and their
/// statements, built with the app's own statement rules.
/// </summary>
internal static class BenchmarkData
{
    public const string ClientNumber = "880000000001";
    public const int Months = 24;
    public const int PerMonth = 200;

    public static PortalDbContext Context(string connectionString, bool postgres) => postgres
        ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options)
        : new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString).Options);

    public static async Task<IReadOnlyList<DateOnly>> LoadAsync(string connectionString, bool postgres, DateOnly currentMonth)
    {
        await using var db = Context(connectionString, postgres);
        // The investor through their accounts (numbered after the client): investors themselves are Accounts' rows.
        var accounts = await db.Set<InvestorAccount>().Where(a => a.Number.StartsWith(ClientNumber + "-")).OrderBy(a => a.Number).ToListAsync();
        var investorId = accounts[0].InvestorId;
        var products = await db.Set<Product>().OrderBy(p => p.Code).ToListAsync();
        var prices = new PriceBook((await db.Set<ProductPrice>().ToListAsync()).Select(p => (p.ProductId, p.Date, p.Nav)));
        await db.Set<Transaction>().Where(t => t.InvestorId == investorId).ExecuteDeleteAsync();
        await db.Set<MonthlyStatement>().Where(s => s.InvestorId == investorId).ExecuteDeleteAsync();

        var random = new Random(20_260_424);
        var portfolio = new Portfolio();
        var units = new Dictionary<int, decimal>();
        var months = Enumerable.Range(1, Months).Select(i => currentMonth.AddMonths(-Months - 1 + i)).ToList();
        var now = DateTimeOffset.UtcNow;
        foreach (var month in months)
        {
            var transactions = new List<Transaction>(PerMonth);
            for (var i = 0; i < PerMonth; i++)
            {
                var day = month.AddDays(i * 28 / PerMonth);
                var product = products[random.Next(products.Count)];
                var nav = prices.NavOn(product.Id, day);
                var t = new Transaction
                {
                    SourceId = $"BENCH-{month:yyyyMM}-{i:D3}", Reference = $"B{month:yyyyMM}{i:D4}", InvestorId = investorId,
                    AccountId = accounts[0].Id, TradeDate = day, Status = i % 37 == 0 ? TransactionStatus.Failed : TransactionStatus.Confirmed,
                    RecordedAt = now,
                };
                var held = units.GetValueOrDefault(product.Id);
                switch (i % 10)
                {
                    case 7 when held > 10m:
                        var sold = decimal.Round(held / 3, 2, MidpointRounding.ToZero);
                        (t.Type, t.ProductId, t.Units, t.Nav, t.AmountFen, t.FeeFen) = (TransactionType.Redemption, product.Id, sold, nav, Money.ToFen(sold * nav), 100);
                        break;
                    case 8:
                        (t.Type, t.AccountId, t.Lots, t.AmountFen, t.FeeFen) = (TransactionType.Trade, accounts[^1].Id, random.Next(1, 10), random.Next(-50_000, 80_000), 500);
                        break;
                    case >= 2 and <= 6 when portfolio.CashFen > 600_000:
                        var amount = random.Next(1_000, 5_000) * 100L;
                        (t.Type, t.ProductId, t.Units, t.Nav, t.AmountFen, t.FeeFen) =
                            (TransactionType.Subscription, product.Id, decimal.Round(Money.ToYuan(amount) / nav, 2, MidpointRounding.ToZero), nav, amount, amount / 1_000);
                        break;
                    default:
                        (t.Type, t.AmountFen) = (TransactionType.Deposit, random.Next(5_000, 30_000) * 100L);
                        break;
                }

                if (t.Status == TransactionStatus.Failed)
                {
                    t.FailureReason = FailureReason.AfterCutOff;
                }
                else if (t.Type is TransactionType.Subscription or TransactionType.Redemption)
                {
                    units[product.Id] = held + (t.Type == TransactionType.Subscription ? t.Units!.Value : -t.Units!.Value);
                }

                portfolio.Apply(StatementsMapping.ToEntry(t));
                transactions.Add(t);
            }

            db.AddRange(transactions);
        }

        await db.SaveChangesAsync();

        // Statements from a fresh replay, exactly as the month-end job builds them.
        var all = await db.Set<Transaction>().AsNoTracking().Where(t => t.InvestorId == investorId).ToListAsync();
        var byMonth = all.ToLookup(t => StatementsMapping.MonthOf(t.TradeDate));
        var replay = new Portfolio();
        foreach (var month in months)
        {
            var built = StatementBuilder.BuildMonth(replay, byMonth[month].Select(StatementsMapping.ToEntry), prices, month);
            db.Add(StatementsMapping.ToStatement(investorId, month, built, ClientTier.Silver /* the silver demo investor; pages, not tiers, are measured */, byMonth[month].ToList(), now));
        }

        await db.SaveChangesAsync();
        return months;
    }
}
