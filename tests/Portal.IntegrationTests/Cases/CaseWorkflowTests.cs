using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Model;
using Portal.Web.Features.Notifications.Outbox;
using Portal.Web.Features.Notifications.Templates;

namespace Portal.IntegrationTests.Cases;

/// <summary>A case's life on PostgreSQL: submit, pick up, reply, escalate, resolve, review, close, reopen, withdraw, rate.</summary>
public sealed class CaseWorkflowTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static readonly string[] Cultures = ["en", "zh-Hans"];

    [Fact]
    public async Task The_due_time_of_a_request_is_stored_on_submit_from_the_VIP_or_standard_column()
    {
        var silver = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var gold = await app.ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);

        var standard = await app.Investors().SubmitAsync(silver, CaseTestKit.Request(RequestType.PasswordReset));
        var vip = await app.Investors().SubmitAsync(gold, CaseTestKit.Request(RequestType.PasswordReset));
        var complaint = await app.Investors().SubmitAsync(gold, CaseTestKit.Complaint());
        var rules = await app.Services.GetRequiredService<CaseStore>().RulesAsync(CancellationToken.None);
        var stored = await app.WithDbAsync(db => db.Set<Case>().AsNoTracking()
            .Where(c => c.Reference == standard.Reference || c.Reference == vip.Reference || c.Reference == complaint.Reference).ToListAsync());
        Case Stored(CaseCreated created) => stored.Single(c => c.Reference == created.Reference);

        Assert.Matches("^R-\\d{8}-\\d{4}$", standard.Reference);
        Assert.Matches("^C-\\d{8}-\\d{4}$", complaint.Reference);
        Assert.Equal(ClientTier.Silver, Stored(standard).Tier);
        Assert.Equal(ClientTier.Gold, Stored(vip).Tier);
        // 1 working day for the standard column, 15 business minutes for VIPs, from the moment each was submitted.
        Assert.Equal(rules.Calendar.AddBusinessDays(Stored(standard).CreatedAt, 1), Stored(standard).DueAt);
        Assert.Equal(rules.Calendar.AddBusinessMinutes(Stored(vip).CreatedAt, 15), Stored(vip).DueAt);
        Assert.Equal(Stored(standard).DueAt, standard.DueAt);
        Assert.Equal(Stored(vip).DueAt, vip.DueAt);
        Assert.True(vip.DueAt < standard.DueAt.AddMinutes(1));
        Assert.Null(vip.FirstResponseDueAt);
        // A VIP complaint: first response within 4 business hours, resolution within 2 working days.
        Assert.Equal(rules.Calendar.AddBusinessMinutes(Stored(complaint).CreatedAt, 240), complaint.FirstResponseDueAt);
        Assert.Equal(rules.Calendar.AddBusinessDays(Stored(complaint).CreatedAt, 2), complaint.DueAt);
    }

    [Fact]
    public async Task A_double_submit_with_the_same_submission_id_creates_one_case()
    {
        var silver = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var submission = Guid.NewGuid();
        var input = CaseTestKit.Complaint("Double click", submission: submission);

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.Investors().SubmitAsync(silver, input))));
        var again = await app.Investors().SubmitAsync(silver, input);
        var count = await app.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.SubmissionId == submission));

        Assert.Equal(1, count);
        Assert.Equal(both[0].Reference, both[1].Reference);
        Assert.Equal(both[0].Reference, again.Reference);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_per_field()
    {
        var silver = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var input = new NewCaseInput(CaseKind.Request, null, CaseCategory.Account, "  ", new string('x', CaseLimits.MaxDescription + 1), null, null, [], Guid.NewGuid());

        var refused = await Assert.ThrowsAsync<CaseException>(() => app.Investors().SubmitAsync(silver, input));

        Assert.Equal(CaseError.Invalid, refused.Code);
        Assert.Equal(app.Text<Portal.Web.Resources.CasesText>("Error.Required"), refused.FieldErrors["Subject"]);
        Assert.Equal(app.Text<Portal.Web.Resources.CasesText>("Error.TooLong", "en", CaseLimits.MaxDescription), refused.FieldErrors["Description"]);
        Assert.True(refused.FieldErrors.ContainsKey("RequestType"));
    }

    [Fact]
    public async Task An_agent_picks_up_replies_and_escalates_a_specialist_resolves_and_another_reviews_before_it_closes()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var specialist = await app.ActorAsync(DemoUsers.Specialist, Roles.Specialist);
        var reviewer = await app.ActorAsync(CaseTestKit.Specialist2, Roles.Specialist);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var desk = app.Desk();
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Transfer still missing"));
        var reference = created.Reference;

        await desk.PickUpAsync(agent, reference);
        var picked = await app.DeskViewAsync(agent, reference);
        await desk.ReplyAsync(agent, reference, "We are looking into the transfer now.", [], Guid.NewGuid());
        var replied = await app.DeskViewAsync(agent, reference);
        await desk.EscalateAsync(agent, reference, "Needs the bank reconciliation team", replied.Version);
        var escalated = await app.DeskViewAsync(agent, reference);
        var agentMayNotPick = await Assert.ThrowsAsync<CaseException>(() => desk.PickUpAsync(agent, reference));
        await desk.PickUpAsync(specialist, reference);
        var withSpecialist = await app.DeskViewAsync(specialist, reference);
        var noText = await Assert.ThrowsAsync<CaseException>(() => desk.SetStatusAsync(specialist, reference, CaseStatus.Resolved, " ", withSpecialist.Version));
        await desk.SetStatusAsync(specialist, reference, CaseStatus.Resolved, "The transfer was credited on 4 November.", withSpecialist.Version);
        var resolved = await app.DeskViewAsync(specialist, reference);
        var notReviewed = await Assert.ThrowsAsync<CaseException>(() => desk.SetStatusAsync(specialist, reference, CaseStatus.Closed, null, resolved.Version));
        var ownReview = await Assert.ThrowsAsync<CaseException>(() => desk.ReviewComplaintAsync(specialist, reference, null, resolved.Version));
        var agentReview = await Assert.ThrowsAsync<CaseException>(() => desk.ReviewComplaintAsync(agent, reference, null, resolved.Version));
        await desk.ReviewComplaintAsync(reviewer, reference, "Handled by the book.", resolved.Version);
        var reviewed = await app.DeskViewAsync(supervisor, reference);
        await desk.SetStatusAsync(supervisor, reference, CaseStatus.Closed, null, reviewed.Version);
        var closed = await app.DeskViewAsync(specialist, reference);
        var clientView = await app.Investors().GetAsync(investor, CaseKind.Complaint, reference);

        Assert.Equal(CaseStatus.New, (await app.WithDbAsync(db => db.Set<CaseEvent>().Where(e => e.Case!.Reference == reference).OrderBy(e => e.Id).Select(e => e.ToStatus).FirstAsync())));
        Assert.Equal(CaseStatus.Open, picked.Status);
        Assert.Equal(agent.UserId, picked.OwnerUserId);
        Assert.NotNull(replied.Sla.FirstRespondedAt);
        Assert.Equal(CaseStatus.Escalated, escalated.Status);
        Assert.Null(escalated.OwnerUserId);
        Assert.Equal(nameof(StaffTeam.InboundTier2), escalated.Team);
        Assert.Equal(agent.Name, escalated.EscalatedByName);
        Assert.Equal(CaseError.NotAllowed, agentMayNotPick.Code);
        Assert.Equal(specialist.UserId, withSpecialist.OwnerUserId);
        Assert.Equal(CaseError.Invalid, noText.Code);
        Assert.True(resolved.NeedsReview);
        Assert.Equal(CaseError.NotAllowed, notReviewed.Code);
        Assert.Equal(app.Text<Portal.Web.Resources.CasesText>("Error.NeedsReview"), notReviewed.Message);
        Assert.Equal(CaseError.NotAllowed, ownReview.Code);
        Assert.Equal(CaseError.NotAllowed, agentReview.Code);
        Assert.False(reviewed.NeedsReview);
        Assert.Equal(reviewer.Name, reviewed.Complaint!.ReviewerName);
        Assert.Equal(specialist.Name, reviewed.Complaint.HandlerName);
        Assert.Equal("The transfer was credited on 4 November.", reviewed.Complaint.Resolution);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(SlaState.Met, closed.Sla.State);
        Assert.Equal(CaseStatus.Closed, clientView!.Status);
        Assert.True(clientView.CanRate);
        Assert.Contains(clientView.Timeline, t => t.Kind == CaseTimelineKind.PublicReply && t.Text == "We are looking into the transfer now.");
        Assert.Contains(clientView.Timeline, t => t.Kind == CaseTimelineKind.Escalated && t.Text is null);
        Assert.DoesNotContain(clientView.Timeline, t => t.Kind is CaseTimelineKind.Reviewed or CaseTimelineKind.Handover or CaseTimelineKind.InternalNote);
    }

    [Fact]
    public async Task Every_change_writes_a_timeline_row_an_audit_row_and_tells_the_client_in_the_same_save()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent2, Roles.Agent);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.AccountTransfer, "Move my account"));
        await app.Desk().PickUpAsync(agent, created.Reference);
        await app.Desk().ReplyAsync(agent, created.Reference, "Please send the transfer form.", [], Guid.NewGuid());
        var view = await app.DeskViewAsync(agent, created.Reference);
        await app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.WaitingOnClient, "Waiting for your signed form.", view.Version);

        var (outbox, actions) = await app.WithDbAsync(async db =>
        {
            var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.RecipientUserId == investor.UserId && m.Link == "/requests/" + created.Reference)
                .OrderBy(m => m.Id).ToListAsync();
            var audit = await db.Set<AuditEntry>().Where(a => a.Subject == "case:" + created.Reference).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            return (messages, audit);
        });
        var templates = outbox.Select(m => m.Template).ToList();
        var renderer = app.Services.GetRequiredService<NotificationTemplates>();
        var rendered = outbox.SelectMany(m => Cultures.Select(culture =>
            renderer.RenderForInbox(m.Template, culture, JsonSerializer.Deserialize<Dictionary<string, string>>(m.ValuesJson)!))).ToList();
        var kinds = (await app.DeskViewAsync(agent, created.Reference)).Timeline.Select(t => t.Kind).ToList();

        Assert.Equal(["case-created", "case-assigned", "case-replied", "case-status-changed"], templates);
        Assert.All(rendered, r => Assert.Contains(created.Reference, r.Subject));
        Assert.Contains(rendered, r => r.Subject.Contains("Waiting on the client", StringComparison.Ordinal));
        Assert.Contains(rendered, r => r.Subject.Contains("等待客户回复", StringComparison.Ordinal));
        Assert.Contains(rendered, r => r.Subject.Contains(agent.Name, StringComparison.Ordinal));
        Assert.Equal([AuditActions.CaseCreated, AuditActions.CasePickedUp, AuditActions.CaseReplied, AuditActions.CaseOpened, AuditActions.CaseStatusChanged], actions);
        Assert.Equal([CaseTimelineKind.Created, CaseTimelineKind.StatusChanged, CaseTimelineKind.Assigned, CaseTimelineKind.PublicReply, CaseTimelineKind.StatusChanged], kinds);
    }

    [Fact]
    public async Task Waiting_on_the_client_pauses_the_clock_and_the_clients_reply_resumes_it()
    {
        var investor = await app.ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.AccountClosing, "Close my second account"));
        await app.Desk().PickUpAsync(agent, created.Reference);
        var view = await app.DeskViewAsync(agent, created.Reference);
        await app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.WaitingOnClient, "Which account should we close?", view.Version);
        var waiting = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);
        await app.Investors().ReplyAsync(investor, created.Reference, "The one ending in 0042.", [], Guid.NewGuid());
        var back = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);
        var stored = await app.WithDbAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(c => c.Reference == created.Reference));

        Assert.Equal(CaseStatus.WaitingOnClient, waiting!.Status);
        Assert.True(waiting.Sla.Paused);
        Assert.Equal(SlaState.Paused, waiting.Sla.State);
        Assert.Equal(CaseStatus.Open, back!.Status);
        Assert.False(back.Sla.Paused);
        Assert.Null(stored.PausedSince);
        Assert.True(stored.DueAt >= created.DueAt);
        Assert.True(stored.PausedBusinessMinutes >= 0);
        Assert.Contains(back.Timeline, t => t.ByClient && t.Text == "The one ending in 0042.");
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_saved()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.Other, "Stale test"));
        await app.Desk().PickUpAsync(agent, created.Reference);
        var loaded = await app.DeskViewAsync(agent, created.Reference);
        await app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.WaitingOnClient, "Any screenshot?", loaded.Version);

        var stale = await Assert.ThrowsAsync<CaseException>(() => app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.Resolved, "Done", loaded.Version));
        var staleWithdraw = await Assert.ThrowsAsync<CaseException>(() => app.Investors().WithdrawAsync(investor, created.Reference, loaded.Version));
        var after = await app.DeskViewAsync(agent, created.Reference);

        Assert.Equal(CaseError.Stale, stale.Code);
        Assert.Equal("Someone else changed this case; reload to see their change.", stale.Message);
        Assert.Equal(CaseError.Stale, staleWithdraw.Code);
        Assert.Equal(CaseStatus.WaitingOnClient, after.Status);
        Assert.Equal(loaded.Version + 1, after.Version);
    }

    [Fact]
    public async Task A_concurrent_save_over_the_same_version_loses_as_stale()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.Other, "Race on save"));
        var loaded = await app.DeskViewAsync(supervisor, created.Reference);

        var results = await Task.WhenAll(new[] { CaseStatus.Open, CaseStatus.WaitingOnClient }.Select(status => Task.Run(async () =>
        {
            try
            {
                await app.Desk().SetStatusAsync(supervisor, created.Reference, status, null, loaded.Version);
                return (CaseError?)null;
            }
            catch (CaseException ex)
            {
                return ex.Code;
            }
        })));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r == CaseError.Stale);
        Assert.Equal(loaded.Version + 1, (await app.DeskViewAsync(supervisor, created.Reference)).Version);
    }

    [Fact]
    public async Task Disallowed_status_changes_are_refused()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var agent2 = await app.ActorAsync(DemoUsers.Agent2, Roles.Agent);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.AuthorisationCode, "Code please"));
        var unowned = await app.DeskViewAsync(agent, created.Reference);
        var notPicked = await Assert.ThrowsAsync<CaseException>(() => app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.Open, null, unowned.Version));
        await app.Desk().PickUpAsync(agent, created.Reference);
        var view = await app.DeskViewAsync(agent, created.Reference);

        var toClosed = await Assert.ThrowsAsync<CaseException>(() => app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.Closed, null, view.Version));
        var notYours = await Assert.ThrowsAsync<CaseException>(() => app.Desk().SetStatusAsync(agent2, created.Reference, CaseStatus.Resolved, "x", view.Version));
        var notYoursReply = await Assert.ThrowsAsync<CaseException>(() => app.Desk().ReplyAsync(agent2, created.Reference, "x", [], Guid.NewGuid()));

        Assert.Equal(CaseError.NotAllowed, notPicked.Code);
        Assert.Equal(CaseError.NotAllowed, toClosed.Code);
        Assert.Equal(CaseError.NotAllowed, notYours.Code);
        Assert.Contains(agent.Name, notYours.Message);
        Assert.Equal(CaseError.NotAllowed, notYoursReply.Code);
    }

    [Fact]
    public async Task A_resolved_case_reopens_within_fourteen_days_only_and_is_rated_once()
    {
        var investor = await app.ActorAsync(DemoUsers.DiamondInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.OnlineAccessChange, "Change my phone number"));
        await app.Desk().PickUpAsync(agent, created.Reference);
        var view = await app.DeskViewAsync(agent, created.Reference);
        await app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.Resolved, "Your phone number is changed.", view.Version);
        var resolved = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);
        await app.Investors().ReopenAsync(investor, created.Reference, "The SMS still goes to the old number.", resolved!.Version);
        var reopened = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);
        var again = await app.DeskViewAsync(agent, created.Reference);
        await app.Desk().SetStatusAsync(agent, created.Reference, CaseStatus.Resolved, "Fixed for good.", again.Version);
        await app.WithDbAsync(db => db.Set<Case>().Where(c => c.Reference == created.Reference)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ResolvedAt, c => c.ResolvedAt!.Value.AddDays(-15))));
        var old = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);
        var tooLate = await Assert.ThrowsAsync<CaseException>(() => app.Investors().ReopenAsync(investor, created.Reference, "Again", old!.Version));
        await app.Investors().RateAsync(investor, created.Reference, 4, "Quick and friendly");
        var twice = await Assert.ThrowsAsync<CaseException>(() => app.Investors().RateAsync(investor, created.Reference, 5, null));
        var badScore = await Assert.ThrowsAsync<CaseException>(() => app.Investors().RateAsync(investor, created.Reference, 6, null));
        var rated = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);

        Assert.True(resolved.CanReopen);
        Assert.True(resolved.Sla.State is SlaState.Met or SlaState.MissedButDone);
        Assert.NotNull(resolved.ReopenUntil);
        Assert.Equal(CaseStatus.Open, reopened!.Status);
        Assert.Contains(reopened.Timeline, t => t.Kind == CaseTimelineKind.Reopened && t.Text == "The SMS still goes to the old number.");
        Assert.False(old!.CanReopen);
        Assert.Equal(CaseError.NotAllowed, tooLate.Code);
        Assert.Equal(CaseError.NotAllowed, twice.Code);
        Assert.Equal(CaseError.Invalid, badScore.Code);
        Assert.Equal(4, rated!.Rating);
        Assert.Equal("Quick and friendly", rated.RatingComment);
        Assert.False(rated.CanRate);
    }

    [Fact]
    public async Task A_withdrawn_case_takes_no_more_replies()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.AccountOpening, "Never mind"));
        var view = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);

        await app.Investors().WithdrawAsync(investor, created.Reference, view!.Version);
        var withdrawn = await app.Investors().GetAsync(investor, CaseKind.Request, created.Reference);
        var reply = await Assert.ThrowsAsync<CaseException>(() => app.Investors().ReplyAsync(investor, created.Reference, "one more thing", [], Guid.NewGuid()));

        Assert.True(view.CanWithdraw);
        Assert.Equal(CaseStatus.Withdrawn, withdrawn!.Status);
        Assert.False(withdrawn.CanWithdraw);
        Assert.False(withdrawn.CanReply);
        Assert.Equal(CaseError.NotAllowed, reply.Code);
    }

    [Fact]
    public async Task Internal_notes_and_handover_reasons_never_reach_the_investor_by_any_route()
    {
        const string Secret = "Client seems to be the account holder's brother; check ID";
        const string Reason = "Handing over: specialist knows the bank";
        var investor = await app.ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);
        var specialist = await app.ActorAsync(DemoUsers.Specialist, Roles.Specialist);
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Complaint("Unknown withdrawal"));
        await app.Desk().PickUpAsync(agent, created.Reference);
        await app.Desk().AddNoteAsync(agent, created.Reference, Secret);
        var view = await app.DeskViewAsync(agent, created.Reference);
        await app.Desk().AssignAsync(agent, created.Reference, specialist.UserId, null, Reason, view.Version);
        var deskView = await app.DeskViewAsync(specialist, created.Reference);

        var clientView = await app.Investors().GetAsync(investor, CaseKind.Complaint, created.Reference);
        var clientList = await app.Investors().ListAsync(investor, CaseKind.Complaint, null, 0, 50);
        var json = JsonSerializer.Serialize(new object?[] { clientView, clientList });

        Assert.Contains(deskView.Timeline, t => t.Kind == CaseTimelineKind.InternalNote && t.Text == Secret);
        Assert.Contains(deskView.Timeline, t => t.Kind == CaseTimelineKind.Handover && t.Text == Reason);
        Assert.Equal(specialist.UserId, deskView.OwnerUserId);
        Assert.DoesNotContain(Secret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, json, StringComparison.Ordinal);
        Assert.DoesNotContain(clientView!.Timeline, t => t.Kind is CaseTimelineKind.InternalNote or CaseTimelineKind.Handover);
        Assert.Contains(clientView.Timeline, t => t.Kind == CaseTimelineKind.Assigned && t.Text == specialist.Name);
        var handover = await app.WithDbAsync(db => db.Set<CaseHandover>().SingleAsync(h => h.Case!.Reference == created.Reference));
        Assert.Equal((agent.UserId, specialist.UserId, Reason), (handover.FromUserId, handover.ToUserId, handover.Reason));
    }

    [Fact]
    public async Task Staff_open_a_case_for_a_client_and_own_it()
    {
        var agent = await app.ActorAsync(DemoUsers.Agent2, Roles.Agent);
        var client = await app.ActorAsync(DemoUsers.DiamondInvestor, Roles.Investor);
        var submission = Guid.NewGuid();
        var input = new StaffCaseInput(client.InvestorId!.Value, CaseKind.Request, RequestType.RemoteAssistance, CaseCategory.OnlineServices,
            "Help installing the trading app", "Client called; needs a remote session.", CaseChannel.Chat, "chat-abc", submission);

        var created = await app.Desk().CreateForInvestorAsync(agent, input);
        var again = await app.Desk().CreateForInvestorAsync(agent, input);
        var view = await app.DeskViewAsync(agent, created.Reference);
        var recent = await app.Desk().RecentForInvestorAsync(agent, client.InvestorId!.Value, 5);
        var clients = await app.Investors().ListAsync(client, CaseKind.Request, CaseStatus.Open, 0, 20);

        Assert.Equal(created.Reference, again.Reference);
        Assert.Equal(agent.UserId, view.OwnerUserId);
        Assert.Equal(CaseStatus.Open, view.Status);
        Assert.Equal(CaseChannel.Chat, view.Channel);
        Assert.Equal("chat-abc", view.SourceReference);
        Assert.Equal(ClientTier.Diamond, view.Tier);
        Assert.Equal(created.Reference, recent[0].Reference);
        Assert.Contains(clients.Rows, r => r.Reference == created.Reference);
    }

    [Fact]
    public async Task The_desk_views_and_counts_follow_owner_team_and_status()
    {
        var investor = await app.ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var agent = await app.NewStaffAsync(Roles.Agent, "View Tester");
        var created = await app.Investors().SubmitAsync(investor, CaseTestKit.Request(RequestType.Other, "Views test"));
        var before = await app.Desk().CountAsync(agent);
        var unassigned = await app.Desk().ListAsync(agent, new DeskQuery(DeskView.Unassigned, CaseKind.Request, RequestType.Other, ClientTier.Silver, null, 0, 100));
        await app.Desk().PickUpAsync(agent, created.Reference);
        var mine = await app.Desk().ListAsync(agent, new DeskQuery(DeskView.Mine, null, null, null, null, 0, 20));
        var after = await app.Desk().CountAsync(agent);

        Assert.Contains(unassigned.Rows, r => r.Reference == created.Reference);
        Assert.All(unassigned.Rows, r => Assert.Equal((CaseKind.Request, RequestType.Other, ClientTier.Silver), (r.Kind, r.RequestType!.Value, r.Tier)));
        Assert.Equal(0, before.Mine);
        Assert.Equal(created.Reference, Assert.Single(mine.Rows).Reference);
        Assert.Equal(1, after.Mine);
        Assert.Equal(before.Unassigned - 1, after.Unassigned);
    }
}
