using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests.Statements;

/// <summary>The dashboard is kept in memory (<see cref="DashboardCache"/>), yet shows an import or a closed month at once.</summary>
public sealed class DashboardFreshnessTests(PortalApp app) : IClassFixture<PortalApp>
{
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

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Investor> InvestorAsync(int skip) =>
        app.WithDbAsync(db => db.Set<Investor>().AsNoTracking().Where(i => i.Tier == ClientTier.Silver && i.UserId == null).OrderBy(i => i.Id).Skip(skip).FirstAsync());

    private async Task<InvestorDashboard> DashboardAsync(int investorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvestorDashboardService>().GetAsync(TestActors.Investor(investorId));
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
