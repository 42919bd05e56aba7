using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Model;

namespace Portal.IntegrationTests.Cases;

/// <summary>Call records becoming cases, the phone scripts, and late-handling points with a supervisor's offset.</summary>
public sealed class CallsAndPointsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private CallRecords Calls => app.Services.GetRequiredService<CallRecords>();

    private LatePoints Points => app.Services.GetRequiredService<LatePoints>();

    [Fact]
    public async Task A_call_that_needs_follow_up_becomes_one_case_with_its_details_owned_by_the_follow_up_person()
    {
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var specialist = await app.ActorAsync(DemoUsers.Specialist, Roles.Specialist);
        var client = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var account = await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.Id == client.InvestorId).Select(i => i.AccountNumber).SingleAsync());
        var input = new CallRecordInput("Zhang Wei", account, DateTimeOffset.UtcNow.AddMinutes(-5), CallTopic.Complaint,
            "Why was my dividend paid late?", "I will check with the registrar and call back.", true, specialist.UserId, "Callback promised for tomorrow", Guid.NewGuid());

        var saved = await Calls.SaveAsync(agent, input);
        var savedAgain = await Calls.SaveAsync(agent, input);
        var cases = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Calls.CreateCaseAsync(agent, saved.Id))));
        var once = await Calls.CreateCaseAsync(agent, saved.Id);
        var view = await app.DeskViewAsync(specialist, once.Reference);
        var recent = await Calls.ListRecentAsync(agent, 10);
        var count = await app.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.SourceReference == "call:" + saved.Id.ToString(CultureInfo.InvariantCulture)));
        var clientSees = await app.Investors().GetAsync(client, CaseKind.Complaint, once.Reference);

        Assert.Equal(saved.Id, savedAgain.Id);
        Assert.Equal(1, count);
        Assert.All(cases, c => Assert.Equal(once.Reference, c.Reference));
        Assert.Equal(CaseKind.Complaint, view.Kind);
        Assert.Equal(CaseChannel.Phone, view.Channel);
        Assert.Equal(specialist.UserId, view.OwnerUserId);
        Assert.Equal(CaseStatus.Open, view.Status);
        Assert.Equal("Why was my dividend paid late?", view.Subject);
        Assert.Contains("I will check with the registrar and call back.", view.Description);
        Assert.Contains("Callback promised for tomorrow", view.Description);
        Assert.Equal(account, view.AccountNumber);
        Assert.Equal(once.Reference, recent.Single(r => r.Id == saved.Id).CaseReference);
        Assert.NotNull(clientSees);
    }

    [Fact]
    public async Task A_call_without_follow_up_or_without_a_known_account_makes_no_case()
    {
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var noFollowUp = await Calls.SaveAsync(agent, new CallRecordInput("Li Na", null, DateTimeOffset.UtcNow, CallTopic.Fees, "What does a transfer cost?", "It is free.", false, null, null, Guid.NewGuid()));
        var unknown = await Calls.SaveAsync(agent, new CallRecordInput("Li Na", "NO-SUCH-ACCOUNT", DateTimeOffset.UtcNow, CallTopic.Account, "Open an account", "Sent the form", true, null, null, Guid.NewGuid()));
        var invalid = await Assert.ThrowsAsync<CaseException>(() => Calls.SaveAsync(agent, new CallRecordInput(" ", null, DateTimeOffset.UtcNow, CallTopic.Other, "", "x", false, null, null, Guid.NewGuid())));

        Assert.Equal(CaseError.NotAllowed, (await Assert.ThrowsAsync<CaseException>(() => Calls.CreateCaseAsync(agent, noFollowUp.Id))).Code);
        Assert.Equal(CaseError.NotAllowed, (await Assert.ThrowsAsync<CaseException>(() => Calls.CreateCaseAsync(agent, unknown.Id))).Code);
        var agent2 = await app.ActorAsync(DemoUsers.Agent2, Roles.Agent);
        Assert.Equal(CaseError.NotFound, (await Assert.ThrowsAsync<CaseException>(() => Calls.CreateCaseAsync(agent2, unknown.Id))).Code);
        Assert.Equal(CaseError.Invalid, invalid.Code);
        Assert.Equal(["CallerName", "Question"], invalid.FieldErrors.Keys.Order());
    }

    [Fact]
    public async Task The_phone_scripts_ship_in_both_languages_and_supervisors_edit_them()
    {
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var scripts = app.Services.GetRequiredService<PhoneScripts>();
        IReadOnlyList<PhoneScript> english, chinese;
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            english = await scripts.ListAsync(agent);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            chinese = await scripts.ListAsync(agent);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        var closing = english.Single(s => s.Kind == PhoneScriptKind.Closing);
        await scripts.SaveAsync(supervisor, PhoneScriptKind.Closing, "en", "Thank you for calling. Goodbye.", closing.Version);
        var stale = await Assert.ThrowsAsync<CaseException>(() => scripts.SaveAsync(supervisor, PhoneScriptKind.Closing, "en", "Bye", closing.Version));
        var after = (await scripts.ListAsync(agent)).Single(s => s.Kind == PhoneScriptKind.Closing && s.Culture == "en");
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.PhoneScriptChanged && a.Subject == "phone-script:Closing:en"));

        Assert.Equal(Enum.GetValues<PhoneScriptKind>(), english.Select(s => s.Kind));
        Assert.All(english, s => Assert.Equal("en", s.Culture));
        Assert.All(chinese, s => Assert.Equal("zh-Hans", s.Culture));
        Assert.Equal(5, chinese.Count);
        Assert.Equal(CaseError.Stale, stale.Code);
        Assert.Equal("Thank you for calling. Goodbye.", after.Text);
        Assert.Equal(closing.Version + 1, after.Version);
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_case_resolved_late_costs_its_handler_points_a_second_error_costs_more_and_a_supervisor_offsets()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var handler = await app.NewStaffAsync(Roles.Agent, "Late Handler");
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var references = new List<string>();
        foreach (var subject in new[] { "Late one", "Late two", "On time" })
        {
            var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.Other, subject));
            await app.Desk().PickUpAsync(handler, created.Reference);
            if (subject != "On time")
            {
                // Due a week ago: far more than 10 business minutes over, whatever the hour the test runs.
                await app.WithDbAsync(db => db.Set<Case>().Where(c => c.Reference == created.Reference)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.DueAt, DateTimeOffset.UtcNow.AddDays(-7))));
            }

            var view = await app.DeskViewAsync(handler, created.Reference);
            await app.Desk().SetStatusAsync(handler, created.Reference, CaseStatus.Resolved, "Done.", view.Version);
            references.Add(created.Reference);
        }

        var month = ThisMonth();
        await Points.OffsetAsync(supervisor, handler.UserId!, month, 1, "Excellent feedback from a client");
        var tooMuch = await Assert.ThrowsAsync<CaseException>(() => Points.OffsetAsync(supervisor, handler.UserId!, month, 11, "x"));
        var noReason = await Assert.ThrowsAsync<CaseException>(() => Points.OffsetAsync(supervisor, handler.UserId!, month, 1, " "));
        var own = await Points.ListAsync(handler, null, month);
        var totals = await Points.TotalsAsync(supervisor, month);
        var othersMayNot = await Assert.ThrowsAsync<ActorForbiddenException>(() => Points.ListAsync(handler, supervisor.UserId, month));
        var late = (await app.DeskViewAsync(supervisor, references[0])).Sla;

        Assert.Equal([-1, 3, 1.5], own.Select(p => p.Points));
        Assert.Equal([false, true, true], own.Select(p => p.IsError));
        Assert.Equal([null, references[1], references[0]], own.Select(p => p.CaseReference));
        Assert.Equal("Excellent feedback from a client", own[0].Reason);
        Assert.Equal(supervisor.Name, own[0].ByName);
        Assert.All(own.Skip(1), p => Assert.True(p.MinutesOver > 10));
        Assert.DoesNotContain(own, p => p.CaseReference == references[2]);
        Assert.Equal(new PointsTotal(handler.UserId!, "Late Handler", 3.5, 2), totals.Single(t => t.AgentUserId == handler.UserId));
        Assert.Equal(CaseError.Invalid, tooMuch.Code);
        Assert.Equal(CaseError.Invalid, noReason.Code);
        Assert.NotNull(othersMayNot);
        Assert.Equal(SlaState.MissedButDone, late.State);
    }

    [Fact]
    public async Task The_supervisor_sees_every_desk_member_in_the_months_totals_with_0_for_those_without_points()
    {
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var spotless = await app.NewStaffAsync(Roles.Agent, "Spotless Agent");
        var month = new DateOnly(2026, 1, 1);

        var totals = await Points.TotalsAsync(supervisor, month);
        var desk = await app.Services.GetRequiredService<AccountDirectory>().ListDeskMembersAsync(supervisor);

        Assert.Equal(new PointsTotal(spotless.UserId!, "Spotless Agent", 0, 0), totals.Single(t => t.AgentUserId == spotless.UserId));
        Assert.Equal(desk.Select(m => m.UserId).Order(StringComparer.Ordinal), totals.Select(t => t.AgentUserId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_offset_is_booked_in_the_month_the_supervisor_looks_at_and_never_in_a_later_one()
    {
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var agent = await app.NewStaffAsync(Roles.Agent, "Past Month Agent");
        var thisMonth = ThisMonth();
        var lastMonth = thisMonth.AddMonths(-1);

        await Points.OffsetAsync(supervisor, agent.UserId!, lastMonth, 2, "Thanked by a client last month");
        var future = await Assert.ThrowsAsync<CaseException>(() => Points.OffsetAsync(supervisor, agent.UserId!, thisMonth.AddMonths(1), 1, "Too early"));
        var last = await Points.ListAsync(agent, null, lastMonth);
        var now = await Points.ListAsync(agent, null, thisMonth);
        var lastTotals = await Points.TotalsAsync(supervisor, lastMonth);
        var nowTotals = await Points.TotalsAsync(supervisor, thisMonth);

        Assert.Equal("Thanked by a client last month", Assert.Single(last).Reason);
        Assert.Empty(now);
        Assert.Equal(-2, lastTotals.Single(t => t.AgentUserId == agent.UserId).Points);
        Assert.Equal(0, nowTotals.Single(t => t.AgentUserId == agent.UserId).Points);
        Assert.Equal(CaseError.Invalid, future.Code);
        Assert.Equal(["Month"], future.FieldErrors.Keys);
    }

    /// <summary>The business month now (the calendar's time zone, Asia/Shanghai), as its first day.</summary>
    private static DateOnly ThisMonth()
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        return new DateOnly(today.Year, today.Month, 1);
    }
}
