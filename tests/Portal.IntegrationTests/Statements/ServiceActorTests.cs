using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests.Statements;

/// <summary>
/// The statements services check the acting user themselves, whatever page or endpoint calls them: the wrong role is
/// refused, an investor reaches only their own rows, and what they do lands in the audit trail.
/// </summary>
public sealed class ServiceActorTests(PortalApp app) : IClassFixture<PortalApp>
{
    private DateOnly LastClosed => app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth;

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<Investor> InvestorAsync(string accountNumber) =>
        app.WithDbAsync(db => db.Set<Investor>().AsNoTracking().SingleAsync(i => i.AccountNumber == accountNumber));

    private Task<List<AuditEntry>> AuditAsync(string action, string subject) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == action && a.Subject == subject).OrderBy(a => a.Id).ToListAsync());

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    public static TheoryData<string> NotInvestors() => new() { "admin", "supervisor", "agent" };

    private static Actor ByName(string name) => name switch
    {
        "admin" => TestActors.Admin,
        "supervisor" => TestActors.Supervisor,
        "agent" => TestActors.Agent,
        _ => TestActors.Editor,
    };

    [Theory]
    [MemberData(nameof(NotInvestors))]
    public async Task Statements_transactions_and_the_dashboard_refuse_anyone_but_an_investor(string who)
    {
        var actor = ByName(who);
        await WithAsync<bool>(async sp =>
        {
            var statements = sp.GetRequiredService<StatementService>();
            await Assert.ThrowsAsync<ActorForbiddenException>(() => statements.ListStatementsAsync(actor));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => statements.GetStatementAsync(actor, LastClosed));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => statements.SearchTransactionsAsync(actor, new TransactionQuery()));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => statements.GetTransactionAsync(actor, 1));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => sp.GetRequiredService<InvestorDashboardService>().GetAsync(actor));
            return true;
        });
    }

    [Fact]
    public async Task An_investor_reads_only_their_own_statement_and_transactions()
    {
        var (silver, gold) = (await InvestorAsync("880000000001"), await InvestorAsync("880000000002"));
        var goldTransaction = await app.WithDbAsync(db => db.Set<Transaction>().Where(t => t.InvestorId == gold.Id).OrderBy(t => t.Id).FirstAsync());
        var asSilver = TestActors.Investor(silver.Id);

        var (statement, others, own, search) = await WithAsync(async sp =>
        {
            var statements = sp.GetRequiredService<StatementService>();
            return (await statements.GetStatementAsync(asSilver, LastClosed), await statements.GetTransactionAsync(asSilver, goldTransaction.Id),
                await statements.GetTransactionAsync(TestActors.Investor(gold.Id), goldTransaction.Id),
                await statements.SearchTransactionsAsync(asSilver, new TransactionQuery(PageSize: 500)));
        });

        Assert.Equal(("林晓梅", "880000000001"), (statement!.Header.Name, statement.Header.AccountNumber));
        Assert.Null(others);
        Assert.Equal(goldTransaction.Reference, own!.Reference);
        Assert.NotEmpty(search.Rows);
        Assert.DoesNotContain(search.Rows, r => r.AccountNumber.StartsWith("880000000002", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("admin")]
    [InlineData("investor")]
    public async Task Only_a_supervisor_overrides_a_tier(string who)
    {
        var investor = await InvestorAsync("880100000050");
        var actor = who == "investor" ? TestActors.Investor(investor.Id) : ByName(who);
        await WithAsync(sp => Assert.ThrowsAsync<ActorForbiddenException>(() => sp.GetRequiredService<InvestorDirectory>()
            .OverrideTierAsync(actor, investor.Id, ClientTier.Gold, "because", investor.TierVersion, LastClosed)));

        Assert.Equal(investor.Tier, (await InvestorAsync("880100000050")).Tier);
    }

    [Fact]
    public async Task The_client_summary_is_for_the_client_desk_only()
    {
        var investor = await InvestorAsync("880000000002");
        await WithAsync<bool>(async sp =>
        {
            var clients = sp.GetRequiredService<ClientSummaryService>();
            await Assert.ThrowsAsync<ActorForbiddenException>(() => clients.GetAsync(TestActors.Investor(investor.Id), investor.Id));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => clients.GetAsync(TestActors.Editor, investor.Id));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => clients.FindInvestorIdAsync(TestActors.Editor, investor.AccountNumber));
            Assert.Equal(investor.Id, await clients.FindInvestorIdAsync(TestActors.Agent, investor.AccountNumber));
            Assert.Equal("陈建华", (await clients.GetAsync(TestActors.Agent, investor.Id))!.Name);
            return true;
        });
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("investor")]
    public async Task Month_end_and_imports_are_for_admins_only(string who)
    {
        var actor = who == "investor" ? TestActors.Investor(1) : ByName(who);
        await WithAsync<bool>(async sp =>
        {
            await Assert.ThrowsAsync<ActorForbiddenException>(() => sp.GetRequiredService<MonthEndRunner>().RequestAsync(actor, LastClosed));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => sp.GetRequiredService<MonthEndService>().RunAsync(actor, LastClosed));
            await Assert.ThrowsAsync<ActorForbiddenException>(() => sp.GetRequiredService<TransactionImporter>()
                .ImportAsync(actor, ImportKind.Prices, "prices.csv", Csv("product_code,date,nav\n"), importGoodRowsOnly: false));
            return true;
        });
        Assert.Null(app.Services.GetRequiredService<MonthEndRunner>().Current);
    }

    [Fact]
    public async Task An_override_is_audited_with_the_supervisor_and_the_client()
    {
        var investor = await InvestorAsync("880100000051");
        await WithAsync(sp => sp.GetRequiredService<InvestorDirectory>()
            .OverrideTierAsync(TestActors.Supervisor, investor.Id, ClientTier.Diamond, "Transfer of a large portfolio", investor.TierVersion, LastClosed.AddMonths(1)));

        var entry = Assert.Single(await AuditAsync(AuditActions.TierOverride, "investor:880100000051"));
        Assert.Equal((TestActors.Supervisor.UserId, "Test Supervisor"), (entry.ActorUserId, entry.ActorName));
        Assert.Contains($"{investor.Tier} -> Diamond", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Month_end_requests_and_their_finish_are_audited()
    {
        var month = LastClosed.AddMonths(-3);
        var request = await WithAsync(sp => sp.GetRequiredService<MonthEndRunner>().RequestAsync(TestActors.Admin, month));
        var done = await request.Job.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        var subject = "statement:" + StatementFormat.MonthKey(month);
        var asked = Assert.Single(await AuditAsync(AuditActions.MonthEndRequested, subject));
        Assert.Equal((TestActors.Admin.UserId, "Started"), (asked.ActorUserId, asked.Details));
        var finished = Assert.Single(await AuditAsync(AuditActions.MonthEnd, subject));
        Assert.Equal(MonthEndRunner.RunnerActor.Name, finished.ActorName);
        Assert.Contains($"{done.Processed} investors", finished.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_are_audited_with_the_file_name_and_the_rows_imported_and_rejected()
    {
        var csv = "product_code,date,nav\n000202,2019-03-01,1.2345\n000202,2019-03-04,-1\n";
        await WithAsync(sp => sp.GetRequiredService<TransactionImporter>()
            .ImportAsync(TestActors.Admin, ImportKind.Prices, "navs-march.csv", Csv(csv), importGoodRowsOnly: true));
        await WithAsync(sp => sp.GetRequiredService<TransactionImporter>()
            .ImportAsync(TestActors.Admin, ImportKind.Prices, "navs-march-again.csv", Csv(csv), importGoodRowsOnly: false));

        var applied = Assert.Single(await AuditAsync(AuditActions.Import, "import:navs-march.csv"));
        Assert.Equal("Prices: 2 rows, 1 imported, 0 already imported, 1 rows rejected", applied.Details);
        var refused = Assert.Single(await AuditAsync(AuditActions.Import, "import:navs-march-again.csv"));
        Assert.Equal("Prices: 2 rows, 0 imported, 1 already imported, 1 rows rejected, nothing imported", refused.Details);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("csv")]
    public async Task A_statement_download_is_audited(string format)
    {
        var key = StatementFormat.MonthKey(LastClosed);
        using var client = await app.SignedInClientAsync(DemoUsers.DiamondInvestor);
        var before = (await AuditAsync(AuditActions.StatementDownload, "statement:" + key)).Count(a => a.Details == format);

        using var response = await client.GetAsync($"/statements/{key}/{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await AuditAsync(AuditActions.StatementDownload, "statement:" + key)).Where(a => a.Details == format).ToList();
        Assert.Equal(before + 1, entries.Count);
        Assert.Equal("赵国栋", entries[^1].ActorName);
    }
}
