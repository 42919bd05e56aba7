using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Model;

namespace Portal.IntegrationTests.Cases;

/// <summary>The pick-up race and the time-ordered desk, on PostgreSQL and on SQLite (which cannot order DateTimeOffset itself).</summary>
public abstract class CasesOnBothProvidersTests(PortalApp app)
{
    [Fact]
    public async Task Two_agents_picking_up_at_once_leave_one_owner_and_the_other_is_told_who()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var agents = new[] { await app.ActorAsync(DemoUsers.Agent, Roles.Agent), await app.ActorAsync(DemoUsers.Agent2, Roles.Agent) };
        for (var round = 0; round < 5; round++)
        {
            var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.AuthorisationCode, $"Race {round}"));
            var results = await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
            {
                try
                {
                    await app.Desk().PickUpAsync(agent, created.Reference);
                    return (Agent: agent, Error: (CaseException?)null);
                }
                catch (CaseException ex)
                {
                    return (Agent: agent, Error: ex);
                }
            })));
            var view = await app.DeskViewAsync(agents[0], created.Reference);
            var winner = results.Single(r => r.Error is null).Agent;
            var loser = results.Single(r => r.Error is not null).Error!;

            Assert.Equal(winner.UserId, view.OwnerUserId);
            Assert.Equal(CaseError.Taken, loser.Code);
            Assert.Equal($"Already picked up by {winner.Name}.", loser.Message);
            Assert.Equal(2, view.Version);
            Assert.Single(view.Timeline, t => t.Kind == CaseTimelineKind.Assigned);
        }
    }

    [Fact]
    public async Task The_desk_lists_by_due_time_earliest_first_and_finds_breached_and_due_soon_cases()
    {
        var investor = await app.ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var now = DateTimeOffset.UtcNow;
        var planned = new[] { now.AddDays(3), now.AddMinutes(-90), now.AddDays(-2), now.AddDays(40) };
        var references = new List<string>();
        foreach (var due in planned)
        {
            var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.Other, "Due " + due.ToString("O")));
            await app.WithDbAsync(db => db.Set<Case>().Where(c => c.Reference == created.Reference).ExecuteUpdateAsync(u => u.SetProperty(c => c.DueAt, due)));
            references.Add(created.Reference);
        }

        var all = await app.Desk().ListAsync(supervisor, new DeskQuery(DeskView.All, CaseKind.Request, RequestType.Other, ClientTier.Gold, CaseStatus.New, 0, 100));
        var breached = await app.Desk().ListAsync(supervisor, new DeskQuery(DeskView.Breached, null, null, null, null, 0, 100));
        var page2 = await app.Desk().ListAsync(supervisor, new DeskQuery(DeskView.All, CaseKind.Request, RequestType.Other, ClientTier.Gold, CaseStatus.New, 1, 2));
        var ours = all.Rows.Where(r => references.Contains(r.Reference)).Select(r => r.Reference).ToList();

        Assert.Equal([references[2], references[1], references[0], references[3]], ours);
        Assert.Equal(all.Rows.OrderBy(r => r.DueAt).Select(r => r.Reference), all.Rows.Select(r => r.Reference));
        Assert.Equal(all.Total, page2.Total);
        Assert.Equal(all.Rows.Skip(2).Take(2).Select(r => r.Reference), page2.Rows.Select(r => r.Reference));
        Assert.Contains(breached.Rows, r => r.Reference == references[1] && r.Sla == SlaState.Breached);
        Assert.Contains(breached.Rows, r => r.Reference == references[2]);
        Assert.DoesNotContain(breached.Rows, r => r.Reference == references[0] || r.Reference == references[3]);
        Assert.All(breached.Rows, r => Assert.True(r.DueAt < DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task An_investors_list_is_newest_first_with_its_status_filter()
    {
        var investor = await app.ActorAsync(DemoUsers.DiamondInvestor, Roles.Investor);
        var first = await app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Older"));
        var second = await app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Newer"));
        var view = await app.Investors().GetAsync(investor, CaseKind.Complaint, first.Reference);
        await app.Investors().WithdrawAsync(investor, first.Reference, view!.Version);

        var list = await app.Investors().ListAsync(investor, CaseKind.Complaint, null, 0, 100);
        var withdrawn = await app.Investors().ListAsync(investor, CaseKind.Complaint, CaseStatus.Withdrawn, 0, 100);

        Assert.Equal(list.Rows.OrderByDescending(r => r.CreatedAt).Select(r => r.Reference), list.Rows.Select(r => r.Reference));
        Assert.True(list.Rows.ToList().FindIndex(r => r.Reference == second.Reference) < list.Rows.ToList().FindIndex(r => r.Reference == first.Reference));
        Assert.Contains(withdrawn.Rows, r => r.Reference == first.Reference);
        Assert.All(withdrawn.Rows, r => Assert.Equal(CaseStatus.Withdrawn, r.Status));
    }
}

public sealed class CasesOnPostgresTests(PortalApp app) : CasesOnBothProvidersTests(app), IClassFixture<PortalApp>;

public sealed class CasesOnSqliteTests(SqlitePortalApp app) : CasesOnBothProvidersTests(app), IClassFixture<SqlitePortalApp>;
