using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests.Statements;

/// <summary>
/// The dashboard and the statement documents' months are kept in memory (<see cref="LedgerCache"/>), yet show an import
/// or a closed month at once.
/// </summary>
public sealed class LedgerFreshnessTests(PortalApp app) : IClassFixture<PortalApp>
{
    // The Silver demo investor's client number: their sign-in shows their statement pages.
    private const string SilverClientNumber = "880000000001";

    private StatementCalendar Calendar => app.Services.GetRequiredService<StatementCalendar>();

    [Fact]
    public async Task An_imported_deposit_shows_on_the_dashboard_at_once()
    {
        var investor = await InvestorAsync(skip: 5);
        var before = await DashboardAsync(investor.Id);
        Assert.Same(before, await DashboardAsync(investor.Id));

        await ImportAsync("dashboard-today.csv", $"DASH-FRESH-TODAY,{investor.AccountNumber},{investor.AccountNumber}-2,{Day(Calendar.Today)},Deposit,Confirmed,,,,1234.56,,,,,");

        var after = await DashboardAsync(investor.Id);
        Assert.Equal(before.DepositsThisMonthFen + 123_456, after.DepositsThisMonthFen);
        Assert.Equal(before.TotalValueFen + 123_456, after.TotalValueFen);
        Assert.Equal("DASH-FRESH-TODAY", after.Recent[0].Reference);
    }

    [Fact]
    public async Task A_closed_month_shows_in_the_dashboards_history_at_once()
    {
        var investor = await InvestorAsync(skip: 6);
        var month = Calendar.LastClosedMonth;
        await ImportAsync("dashboard-last-month.csv", $"DASH-FRESH-MONTH,{investor.AccountNumber},{investor.AccountNumber}-2,{Day(month.AddDays(3))},Deposit,Confirmed,,,,5000.00,,,,,");
        var before = await DashboardAsync(investor.Id);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month);
        }

        var after = await DashboardAsync(investor.Id);
        Assert.Equal(month, after.History[^1].Month);
        Assert.Equal(before.History[^1].ValueFen + 500_000, after.History[^1].ValueFen);
    }

    [Fact]
    public async Task A_transaction_imported_into_a_closed_month_shows_on_its_statement_page_at_once()
    {
        var month = Calendar.LastClosedMonth;
        var page = $"/statements/{StatementFormat.MonthKey(month)}";
        using var client = await app.SignedInClientAsync(DemoUsers.SilverInvestor);
        var before = await (await client.GetAsync(page)).ReadTextAsync();
        Assert.Contains(SilverClientNumber, before, StringComparison.Ordinal);

        await ImportAsync("statement-page.csv", $"STMT-FRESH-PAGE,{SilverClientNumber},{SilverClientNumber}-1,{Day(month.AddDays(4))},Deposit,Confirmed,,,,321.00,,,,,");

        var after = await (await client.GetAsync(page)).ReadTextAsync();
        Assert.DoesNotContain("STMT-FRESH-PAGE", before, StringComparison.Ordinal);
        Assert.Contains("STMT-FRESH-PAGE", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_end_run_again_shows_on_the_statement_at_once()
    {
        var investor = await InvestorAsync(skip: 7);
        var month = Calendar.LastClosedMonth;
        await ImportAsync("statement-month-end.csv", $"STMT-FRESH-MONTH,{investor.AccountNumber},{investor.AccountNumber}-1,{Day(month.AddDays(5))},Deposit,Confirmed,,,,5000.00,,,,,");
        var before = await StatementAsync(investor.Id, month);
        Assert.Same(before.Transactions, (await StatementAsync(investor.Id, month)).Transactions);
        Assert.Contains(before.Transactions, t => t.Reference == "STMT-FRESH-MONTH");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month);
        }

        var after = await StatementAsync(investor.Id, month);
        Assert.Equal(before.Figures.Deposits + 500_000, after.Figures.Deposits);
        Assert.Equal(before.Figures.Closing + 500_000, after.Figures.Closing);
        Assert.True(after.GeneratedAt > before.GeneratedAt);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Investor> InvestorAsync(int skip) =>
        app.WithDbAsync(db => db.Set<Investor>().AsNoTracking().Where(i => i.Tier == ClientTier.Silver && i.UserId == null).OrderBy(i => i.Id).Skip(skip).FirstAsync());

    private async Task<InvestorDashboard> DashboardAsync(int investorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvestorDashboardService>().GetAsync(TestActors.Investor(investorId));
    }

    private async Task<StatementDocument> StatementAsync(int investorId, DateOnly month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StatementService>().GetStatementAsync(TestActors.Investor(investorId), month))!;
    }

    private async Task ImportAsync(string fileName, string row)
    {
        var csv = string.Join('\n', string.Join(',', TransactionImporter.TransactionColumns), row);
        await using var scope = app.Services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<TransactionImporter>()
            .ImportAsync(TestActors.Admin, ImportKind.Transactions, fileName, new MemoryStream(Encoding.UTF8.GetBytes(csv)), false);
        Assert.Equal(1, imported.Imported);
    }
}
