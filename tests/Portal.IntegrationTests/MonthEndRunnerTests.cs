using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Statements;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

/// <summary>Month-end in the server's background on PostgreSQL: no page needed, one run per month at a time, resumed at start-up.</summary>
public sealed class MonthEndRunnerTests(PortalApp app) : IClassFixture<PortalApp>
{
    // A safety net only: every wait below ends as soon as the run does.
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(2);

    private MonthEndRunner Runner => app.Services.GetRequiredService<MonthEndRunner>();

    private DateOnly ClosedMonth(int monthsBack) => app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth.AddMonths(-monthsBack);

    private Task<List<StatementFigures>> StatementsAsync(DateOnly month) =>
        app.WithDbAsync(db => db.Set<MonthlyStatement>().Where(s => s.Month == month).OrderBy(s => s.InvestorId)
            .Select(s => new StatementFigures(s.InvestorId, s.OpeningFen, s.ClosingFen, s.DepositsFen, s.FeesFen)).ToListAsync());

    /// <summary>The month's statements as the command line's synchronous month-end builds them.</summary>
    private async Task<List<StatementFigures>> ExpectedStatementsAsync(DateOnly month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MonthEndService>().RunAsync(TestActors.Admin, month);
        return await StatementsAsync(month);
    }

    [Fact]
    public async Task A_month_end_asked_of_the_runner_builds_every_statement_with_no_page_open()
    {
        var month = ClosedMonth(1);
        var expected = await ExpectedStatementsAsync(month);
        await app.WithDbAsync(db => db.Set<MonthlyStatement>().Where(s => s.Month == month).ExecuteDeleteAsync());

        var request = await Runner.RequestAsync(TestActors.Admin, month);
        var done = await request.Job.Completion.WaitAsync(s_runTimeout);

        Assert.Equal(MonthEndRequestOutcome.Started, request.Outcome);
        var investors = await app.WithDbAsync(db => db.Set<Investor>().CountAsync());
        Assert.Equal((MonthEndState.Finished, investors, investors), (done.State, done.Processed, done.Total));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await StatementsAsync(month));
        Assert.Null(Runner.Current);
        Assert.Equal(done, await Runner.GetProgressAsync(month));
    }

    [Fact]
    public async Task Asking_again_for_the_running_month_joins_it_and_another_month_is_refused()
    {
        var (month, otherMonth) = (ClosedMonth(2), ClosedMonth(6));
        var finishedEvents = 0;
        MonthEndRequest first, again, other;
        using (app.Services.GetRequiredService<MonthEndUpdates>().Subscribe(p =>
        {
            Interlocked.Add(ref finishedEvents, p.Month == month && p.Finished ? 1 : 0);
            return Task.CompletedTask;
        }))
        {
            // Holding the runs table keeps the run at its start, so both requests surely meet it running.
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<Portal.Web.Data.PortalDbContext>>().CreateDbContextAsync())
            await using (var hold = await db.Database.BeginTransactionAsync())
            {
                await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "MonthEndRuns" IN ACCESS EXCLUSIVE MODE""");
                first = await Runner.RequestAsync(TestActors.Admin, month);
                again = await Runner.RequestAsync(TestActors.Admin, month);
                other = await Runner.RequestAsync(TestActors.Admin, otherMonth);
                Assert.Same(first.Job, Runner.Current);
                await hold.RollbackAsync();
            }

            await first.Job.Completion.WaitAsync(s_runTimeout);
        }

        Assert.Equal(MonthEndRequestOutcome.Started, first.Outcome);
        Assert.Equal(MonthEndRequestOutcome.Joined, again.Outcome);
        Assert.Same(first.Job, again.Job);
        Assert.Equal(MonthEndRequestOutcome.Refused, other.Outcome);
        Assert.Equal(month, other.Job.Month);
        Assert.Null(Runner.Current);
        Assert.Equal(1, finishedEvents);
        Assert.Equal([month], await app.WithDbAsync(db => db.Set<MonthEndRun>().Where(r => r.Month == month || r.Month == otherMonth).Select(r => r.Month).ToListAsync()));
    }

    [Fact]
    public async Task A_run_the_app_left_unfinished_is_resumed_from_its_last_batch_when_the_app_starts()
    {
        var month = ClosedMonth(3);
        var expected = await ExpectedStatementsAsync(month);
        // As if the app stopped after two batches: progress saved up to the 100th investor, later statements not written.
        var lastSaved = await app.WithDbAsync(db => db.Set<Investor>().OrderBy(i => i.Id).Skip(2 * MonthEndService.BatchSize - 1).Select(i => i.Id).FirstAsync());
        var startedAt = await app.WithDbAsync(db => db.Set<MonthEndRun>().Where(r => r.Month == month).Select(r => r.StartedAt).SingleAsync());
        await app.WithDbAsync(db => db.Set<MonthEndRun>().Where(r => r.Month == month).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Processed, 2 * MonthEndService.BatchSize).SetProperty(x => x.LastInvestorId, lastSaved).SetProperty(x => x.FinishedAt, (DateTimeOffset?)null)));
        await app.WithDbAsync(db => db.Set<MonthlyStatement>().Where(s => s.Month == month && s.InvestorId > lastSaved).ExecuteDeleteAsync());

        var restarted = new PortalAppOnDatabase(app.ConnectionString);
        try
        {
            await restarted.StartAsync();
            // Queued before the host served; it may already be done by now, in which case the database says so.
            if (restarted.Services.GetRequiredService<MonthEndRunner>().Find(month) is { } job)
            {
                await job.Completion.WaitAsync(s_runTimeout);
            }
        }
        finally
        {
            await restarted.StopAsync();
        }

        var run = await app.WithDbAsync(db => db.Set<MonthEndRun>().AsNoTracking().SingleAsync(r => r.Month == month));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(run.Total, run.Processed);
        Assert.Equal(startedAt, run.StartedAt);
        Assert.Equal(expected, await StatementsAsync(month));
    }

    [Fact]
    public async Task A_failed_run_shows_on_the_admin_page_and_running_it_again_continues_and_finishes()
    {
        var month = ClosedMonth(0);
        // The third batch's first investor with a statement cannot be written: the run fails after two batches.
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var lastOfSecondBatch = await app.WithDbAsync(db => db.Set<Investor>().OrderBy(i => i.Id).Skip(2 * MonthEndService.BatchSize - 1).Select(i => i.Id).FirstAsync());
        var failing = await app.WithDbAsync(db => db.Set<Transaction>().Where(t => t.InvestorId > lastOfSecondBatch && t.TradeDate <= monthEnd).MinAsync(t => t.InvestorId));
        var failOnInsert = $"""
            CREATE FUNCTION month_end_test_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'statement store unavailable'; END $$;
            CREATE TRIGGER month_end_test_failure BEFORE INSERT ON "MonthlyStatements" FOR EACH ROW
                WHEN (NEW."InvestorId" = {failing}) EXECUTE FUNCTION month_end_test_failure();
            """;
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(failOnInsert));
        var savedBeforeFailing = await app.WithDbAsync(db => db.Set<Investor>().CountAsync(i => i.Id < failing)) / MonthEndService.BatchSize * MonthEndService.BatchSize;

        MonthEndProgress failed;
        try
        {
            failed = await (await Runner.RequestAsync(TestActors.Admin, month)).Job.Completion.WaitAsync(s_runTimeout);
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
                DROP TRIGGER month_end_test_failure ON "MonthlyStatements"; DROP FUNCTION month_end_test_failure();
                """));
        }

        Assert.Equal((MonthEndState.Failed, savedBeforeFailing), (failed.State, failed.Processed));
        using var admin = await app.SignedInClientAsync(DemoUsers.Admin);
        var page = await (await admin.GetAsync("/admin/imports")).ReadTextAsync();
        Assert.Contains(app.Text<StatementsText>("MonthEnd.Failed", "en", failed.Processed, failed.Total), page);

        var again = await Runner.RequestAsync(TestActors.Admin, month);
        var done = await again.Job.Completion.WaitAsync(s_runTimeout);
        Assert.Equal(MonthEndRequestOutcome.Started, again.Outcome);
        Assert.Equal((MonthEndState.Finished, done.Total), (done.State, done.Processed));
        Assert.Contains(failing, (await StatementsAsync(month)).Select(s => s.InvestorId));
        page = await (await admin.GetAsync("/admin/imports")).ReadTextAsync();
        Assert.Contains(app.Text<StatementsText>("MonthEnd.Finished", "en", done.Processed, done.TierChanges), page);
    }

    private sealed record StatementFigures(int InvestorId, long OpeningFen, long ClosingFen, long DepositsFen, long FeesFen);

    /// <summary>A second app on an existing database, as after a restart; it leaves the database to its owner.</summary>
    private sealed class PortalAppOnDatabase(string connectionString) : PortalApp
    {
        public Task StartAsync() => ((IAsyncLifetime)this).InitializeAsync();

        public Task StopAsync() => ((IAsyncLifetime)this).DisposeAsync();

        protected override Task<string> CreateDatabaseAsync(string folder) => Task.FromResult(connectionString);

        protected override Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;
    }
}
