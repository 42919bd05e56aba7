using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Statements;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests;

/// <summary>The month-end job and the CSV import on PostgreSQL: idempotent, all-or-nothing, tier history written.</summary>
public sealed class MonthEndAndImportTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static string ExampleFile(string name) =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "content", "imports", name);

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<ImportResult> ImportAsync(ImportKind kind, string csv, bool goodRowsOnly = false) =>
        WithAsync(sp => sp.GetRequiredService<TransactionImporter>().ImportAsync(TestActors.Admin, kind, "test.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), goodRowsOnly));

    [Fact]
    public async Task Month_end_twice_gives_the_same_statements_and_no_new_tier_changes()
    {
        var month = app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth;
        var first = await WithAsync(sp => sp.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month));
        var before = await app.WithDbAsync(db => db.Set<MonthlyStatement>().Where(s => s.Month == month)
            .OrderBy(s => s.InvestorId).Select(s => new { s.InvestorId, s.ClosingFen, s.DepositsFen, s.FeesFen }).ToListAsync());
        var changes = await app.WithDbAsync(db => db.Set<TierChange>().CountAsync());

        var second = await WithAsync(sp => sp.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month));
        var after = await app.WithDbAsync(db => db.Set<MonthlyStatement>().Where(s => s.Month == month)
            .OrderBy(s => s.InvestorId).Select(s => new { s.InvestorId, s.ClosingFen, s.DepositsFen, s.FeesFen }).ToListAsync());

        Assert.True(first.Finished && second.Finished);
        Assert.Equal(first.Total, second.Processed);
        Assert.Equal(before, after);
        Assert.Equal(0, second.TierChanges);
        Assert.Equal(changes, await app.WithDbAsync(db => db.Set<TierChange>().CountAsync()));
    }

    [Fact]
    public async Task Month_end_writes_a_tier_change_when_the_rule_gives_another_tier()
    {
        var month = app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth;
        // A generated Silver investor with a Diamond month: both thresholds met.
        var investor = await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.Tier == ClientTier.Silver && i.UserId == null).OrderBy(i => i.Id).FirstAsync());
        var account = investor.AccountNumber + "-2";
        var day = month.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var csv = string.Join('\n',
            string.Join(',', TransactionImporter.TransactionColumns),
            $"TEST-TIER-1,{investor.AccountNumber},{account},{day},Deposit,Confirmed,,,,1000000.00,,,,,",
            $"TEST-TIER-2,{investor.AccountNumber},{account},{day},Trade,Confirmed,,,,0.00,3500.00,700,,,");
        Assert.Equal(2, (await ImportAsync(ImportKind.Transactions, csv)).Imported);

        await WithAsync(sp => sp.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month));

        var history = await app.WithDbAsync(db => db.Set<TierChange>().Where(t => t.InvestorId == investor.Id).OrderByDescending(t => t.Id).FirstAsync());
        Assert.Equal((ClientTier.Silver, ClientTier.Diamond, month, false), (history.From, history.To, history.Month, history.IsOverride));
        Assert.Equal(ClientTier.Diamond, await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.Id == investor.Id).Select(i => i.Tier).SingleAsync()));
    }

    [Fact]
    public async Task A_good_file_imports_once_and_again_changes_nothing()
    {
        var csv = await File.ReadAllTextAsync(ExampleFile("transactions-example.csv"));
        var first = await ImportAsync(ImportKind.Transactions, csv);
        var count = await app.WithDbAsync(db => db.Set<Transaction>().CountAsync());
        var second = await ImportAsync(ImportKind.Transactions, csv);

        Assert.Equal((5, 5, 0, 0), (first.Rows, first.Imported, first.AlreadyImported, first.Errors.Count));
        Assert.Equal((0, 5), (second.Imported, second.AlreadyImported));
        Assert.Equal(count, await app.WithDbAsync(db => db.Set<Transaction>().CountAsync()));
        var failed = await app.WithDbAsync(db => db.Set<Transaction>().SingleAsync(t => t.SourceId == "RK-2026-000005"));
        Assert.Equal((TransactionStatus.Failed, FailureReason.InsufficientFunds, 90_000_00L), (failed.Status, failed.FailureReason, failed.AmountFen));
    }

    [Fact]
    public async Task A_file_with_errors_reports_every_bad_row_and_imports_nothing_unless_asked()
    {
        var csv = await File.ReadAllTextAsync(ExampleFile("transactions-with-errors.csv"));
        var rejected = await ImportAsync(ImportKind.Transactions, csv);

        Assert.False(rejected.Applied);
        Assert.Equal(0, rejected.Imported);
        Assert.Contains(new ImportError(3, "account", "Not an account of this client."), rejected.Errors);
        Assert.Contains(rejected.Errors, e => e is { Row: 4, Column: "trade_date" });
        Assert.Contains(rejected.Errors, e => e is { Row: 5, Column: "product_code" });
        Assert.Contains(rejected.Errors, e => e is { Row: 6, Column: "amount" });
        Assert.False(await app.WithDbAsync(db => db.Set<Transaction>().AnyAsync(t => t.SourceId == "RK-2026-000101")));

        var partial = await ImportAsync(ImportKind.Transactions, csv, goodRowsOnly: true);
        Assert.Equal(1, partial.Imported);
        Assert.True(await app.WithDbAsync(db => db.Set<Transaction>().AnyAsync(t => t.SourceId == "RK-2026-000101")));
    }

    [Fact]
    public async Task A_file_missing_a_column_is_rejected_with_the_column_named()
    {
        var result = await ImportAsync(ImportKind.Prices, "product_code,date\n000202,2026-10-09\n");
        Assert.Equal(new ImportError(1, "nav", "Column missing from the header."), Assert.Single(result.Errors));
    }

    [Fact]
    public async Task A_supervisor_override_is_kept_in_the_tier_history_with_reason_and_who()
    {
        var investor = await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.Tier == ClientTier.Gold && i.UserId == null).OrderByDescending(i => i.Id).FirstAsync());
        await WithAsync(async sp =>
        {
            var investors = sp.GetRequiredService<InvestorDirectory>();
            var month = sp.GetRequiredService<StatementCalendar>().CurrentMonth;
            await Assert.ThrowsAsync<ArgumentException>(() => investors.OverrideTierAsync(TestActors.Supervisor, investor.Id, ClientTier.Diamond, " ", investor.TierVersion, month));
            await investors.OverrideTierAsync(TestActors.Supervisor, investor.Id, ClientTier.Diamond, "Large transfer in progress", investor.TierVersion, month);
            return true;
        });

        var summary = await WithAsync(sp => sp.GetRequiredService<ClientSummaryService>().GetAsync(TestActors.Supervisor, investor.Id));
        Assert.Equal(ClientTier.Diamond, summary!.Tier);
        var latest = summary.TierHistory[0];
        Assert.Equal((ClientTier.Gold, ClientTier.Diamond, true, "Large transfer in progress", "Test Supervisor"),
            (latest.From, latest.To, latest.IsOverride, latest.Reason, latest.ChangedBy));
        Assert.Equal(investor.TierVersion + 1, summary.TierVersion);
    }
}
