using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests.Statements;

/// <summary>
/// Month-end and the current tier on PostgreSQL: re-running an older month does not roll tiers back, an override holds
/// through its month, and an override saved while a batch runs is neither lost nor overwritten.
/// </summary>
public sealed class TierRerunTests(PortalApp app) : IClassFixture<PortalApp>
{
    private StatementCalendar Calendar => app.Services.GetRequiredService<StatementCalendar>();

    private DateOnly LastClosed => Calendar.LastClosedMonth;

    /// <summary>A generated investor of the tier, a different one for each test (by <paramref name="n"/>), with no online access.</summary>
    private Task<Investor> InvestorAsync(ClientTier tier, int n) => app.WithDbAsync(db =>
        db.Set<Investor>().AsNoTracking().Where(i => i.Tier == tier && i.UserId == null).OrderBy(i => i.Id).Skip(n).FirstAsync());

    private Task<Investor> ReloadAsync(int id) => app.WithDbAsync(db => db.Set<Investor>().AsNoTracking().SingleAsync(i => i.Id == id));

    /// <summary>Deposits and lots in the month that meet Diamond's thresholds.</summary>
    private async Task ImportDiamondMonthAsync(Investor investor, DateOnly month)
    {
        var day = month.AddDays(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var key = $"TIER-{investor.Id}-{month:yyyyMM}";
        var csv = string.Join('\n',
            string.Join(',', TransactionImporter.TransactionColumns),
            $"{key}-D,{investor.AccountNumber},{investor.AccountNumber}-1,{day},Deposit,Confirmed,,,,1000000.00,,,,,",
            $"{key}-T,{investor.AccountNumber},{investor.AccountNumber}-2,{day},Trade,Confirmed,,,,0.00,3500.00,700,,,");
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TransactionImporter>()
            .ImportAsync(TestActors.Admin, ImportKind.Transactions, "tiers.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), importGoodRowsOnly: false);
        Assert.Equal(2, result.Imported);
    }

    private async Task<MonthEndProgress> RunMonthEndAsync(DateOnly month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month);
    }

    /// <summary>The client's tier as the client desk sees it.</summary>
    private async Task<ClientSummaryData> SummaryAsync(int investorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ClientSummaryService>().GetAsync(TestActors.Supervisor, investorId))!;
    }

    private async Task<StatementDocument> StatementAsync(int investorId, DateOnly month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StatementService>().GetStatementAsync(TestActors.Investor(investorId), month))!;
    }

    /// <summary>A supervisor's override from the tier as it is now, or as they saw it at <paramref name="seenVersion"/>.</summary>
    private async Task OverrideAsync(Investor investor, ClientTier tier, DateOnly month, int? seenVersion = null)
    {
        var version = seenVersion ?? (await ReloadAsync(investor.Id)).TierVersion;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InvestorDirectory>()
            .OverrideTierAsync(TestActors.Supervisor, investor.Id, tier, "Client moving assets in", version, month);
    }

    [Fact]
    public async Task Re_running_an_older_month_after_the_latest_keeps_the_latest_months_tier()
    {
        var (latest, older) = (LastClosed, LastClosed.AddMonths(-2));
        var investor = await InvestorAsync(ClientTier.Silver, 10);
        await ImportDiamondMonthAsync(investor, older);

        await RunMonthEndAsync(latest);
        await RunMonthEndAsync(older);

        var summary = await SummaryAsync(investor.Id);
        Assert.Equal(ClientTier.Silver, summary.Tier);
        Assert.DoesNotContain(summary.TierHistory, h => h.Month == older);
        // The older month's own statement shows the tier its figures earned.
        Assert.Equal(ClientTier.Diamond, (await StatementAsync(investor.Id, older)).Header.Tier);
        Assert.Equal(ClientTier.Silver, (await StatementAsync(investor.Id, latest)).Header.Tier);
    }

    [Fact]
    public async Task An_override_holds_when_a_month_end_runs_again_for_a_month_up_to_its_own()
    {
        var investor = await InvestorAsync(ClientTier.Gold, 1);
        await OverrideAsync(investor, ClientTier.Diamond, Calendar.CurrentMonth);

        var run = await RunMonthEndAsync(LastClosed);
        await RunMonthEndAsync(LastClosed);

        Assert.True(run.Finished);
        var summary = await SummaryAsync(investor.Id);
        Assert.Equal(ClientTier.Diamond, summary.Tier);
        Assert.True(summary.TierHistory[0].IsOverride);
    }

    [Fact]
    public async Task The_month_end_of_a_month_after_the_override_applies_the_rule_again()
    {
        var investor = await InvestorAsync(ClientTier.Silver, 11);
        await OverrideAsync(investor, ClientTier.Gold, LastClosed.AddMonths(-1));

        await RunMonthEndAsync(LastClosed);

        var summary = await SummaryAsync(investor.Id);
        Assert.Equal(ClientTier.Silver, summary.Tier);
        Assert.Equal((ClientTier.Gold, ClientTier.Silver, false, LastClosed, TierChange.MonthEnd),
            (summary.TierHistory[0].From, summary.TierHistory[0].To, summary.TierHistory[0].IsOverride, summary.TierHistory[0].Month, summary.TierHistory[0].ChangedBy));
    }

    [Fact]
    public async Task An_override_saved_while_its_batch_is_being_built_is_kept_and_the_batch_is_redone()
    {
        var month = LastClosed;
        var investor = await InvestorAsync(ClientTier.Silver, 12);
        await ImportDiamondMonthAsync(investor, month);
        var supervisorSaved = 0;

        // Just before month-end saves the batch holding this investor, a supervisor's override of the same investor commits.
        var race = new BeforeSave(async db =>
        {
            if (db.ChangeTracker.Entries<MonthlyStatement>().Any(e => e.Entity.InvestorId == investor.Id && e.State == EntityState.Added)
                && Interlocked.Exchange(ref supervisorSaved, 1) == 0)
            {
                await OverrideAsync(investor, ClientTier.Gold, Calendar.CurrentMonth);
            }
        });
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(app.ConnectionString)
            .AddInterceptors(AuditChainInterceptor.Instance, race).Options;
        var sp = app.Services;
        var monthEnd = new MonthEndService(new Contexts(options), sp.GetRequiredService<InvestorDirectory>(), sp.GetRequiredService<AuditTrail>(),
            sp.GetRequiredService<Portal.Web.Features.Admin.Settings.TierRuleProvider>(), Calendar, sp.GetRequiredService<Portal.Web.Features.Notifications.NotificationOutbox>(), TimeProvider.System,
            sp.GetRequiredService<LedgerCache>(), NullLogger<MonthEndService>.Instance);

        var done = await monthEnd.RunAsync(TestActors.Admin, month);

        Assert.Equal(1, supervisorSaved);
        Assert.True(done.Finished);
        var summary = await SummaryAsync(investor.Id);
        Assert.Equal(ClientTier.Gold, summary.Tier);
        Assert.True(summary.TierHistory[0].IsOverride);
        Assert.DoesNotContain(summary.TierHistory, h => h.To == ClientTier.Diamond);
        Assert.Equal(ClientTier.Diamond, (await StatementAsync(investor.Id, month)).Header.Tier);
    }

    [Fact]
    public async Task An_override_from_a_stale_read_is_refused_with_the_tier_as_it_is_now()
    {
        var investor = await InvestorAsync(ClientTier.Silver, 13);
        await OverrideAsync(investor, ClientTier.Gold, Calendar.CurrentMonth, investor.TierVersion);

        // A second supervisor still looking at the page from before the first one's change.
        var refused = await Assert.ThrowsAsync<TierChangedException>(
            () => OverrideAsync(investor, ClientTier.Diamond, Calendar.CurrentMonth, investor.TierVersion));

        Assert.Equal(ClientTier.Gold, refused.Current.Tier);
        Assert.Equal(ClientTier.Gold, (await ReloadAsync(investor.Id)).Tier);
    }

    /// <summary>Runs some work just before a context saves.</summary>
    private sealed class BeforeSave(Func<DbContext, Task> work) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await work(eventData.Context!);
            return result;
        }
    }

    private sealed class Contexts(DbContextOptions<PostgresPortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new PostgresPortalDbContext(options);
    }
}
