using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Model;

namespace Portal.IntegrationTests.Chat;

/// <summary>The desk's services the pages call: canned responses, notes, wrap-up, abandonment and the audit trail.</summary>
public sealed class ChatDeskTests(PortalApp app) : IClassFixture<PortalApp>, IAsyncLifetime
{
    private static readonly Actor Supervisor = new("sup", "刘洋", new HashSet<string> { Roles.Supervisor }, null, null);
    private static readonly Actor Agent = new("agent", "王芳", new HashSet<string> { Roles.Agent }, null, null);

    private CannedResponses Canned => app.Services.GetRequiredService<CannedResponses>();

    public Task InitializeAsync() => ChatHubClient.ResetAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Supervisors_edit_canned_responses_the_desk_reads_them_and_a_stale_save_is_refused()
    {
        var saved = await Canned.SaveAsync(Supervisor, new CannedResponseInput(null, "/hello", "Greeting", "您好，请问有什么可以帮您？", "zh-Hans"));
        var edited = await Canned.SaveAsync(Supervisor, new CannedResponseInput(saved.Id, "hello", "Greeting", "您好！", "zh-Hans", saved.Version));
        var stale = await Assert.ThrowsAsync<StaleCannedResponseException>(() =>
            Canned.SaveAsync(Supervisor, new CannedResponseInput(saved.Id, "hello", "Greeting", "old", "zh-Hans", saved.Version)));
        var agentMayNot = await Assert.ThrowsAsync<ActorForbiddenException>(() => Canned.SaveAsync(Agent, new CannedResponseInput(null, "x", "x", "x", "en")));
        var invalid = await Assert.ThrowsAsync<ChatException>(() => Canned.SaveAsync(Supervisor, new CannedResponseInput(null, "two words", "t", "x", "en")));
        var duplicate = await Assert.ThrowsAsync<ChatException>(() => Canned.SaveAsync(Supervisor, new CannedResponseInput(null, "hello", "again", "x", "zh-Hans")));
        var read = await Canned.ListAsync(Agent);
        var staleDelete = await Assert.ThrowsAsync<StaleCannedResponseException>(() => Canned.DeleteAsync(Supervisor, saved.Id, saved.Version));
        await Canned.DeleteAsync(Supervisor, edited.Id, edited.Version);

        Assert.Equal("hello", saved.Shortcut);
        Assert.Equal(saved.Version + 1, edited.Version);
        Assert.Equal(saved.Id, stale.Id);
        Assert.NotNull(agentMayNot);
        Assert.Equal(ChatErrors.Invalid, invalid.Code);
        Assert.Equal(ChatErrors.Invalid, duplicate.Code);
        Assert.Equal("您好！", read.Single(r => r.Id == saved.Id).Text);
        Assert.NotNull(staleDelete);
        Assert.DoesNotContain(await Canned.ListAsync(Supervisor), r => r.Id == saved.Id);
    }

    [Fact]
    public async Task An_investor_leaving_the_queue_abandons_the_chat_and_it_counts_as_abandoned_today()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var chat = app.Services.GetRequiredService<ChatService>();
        var before = (await chat.GetBoardAsync(Supervisor)).AbandonedToday;

        var id = (await investor.StartChatAsync(text: "never mind")).ConversationId;
        await investor.EndAsync(id);
        var board = await chat.GetBoardAsync(Supervisor);
        var stored = await app.WithDbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));

        Assert.Equal(ConversationState.Abandoned, stored.State);
        Assert.Equal(ChatParty.Investor, stored.EndedBy);
        Assert.Null(stored.AcceptedAt);
        Assert.Equal(before + 1, board.AbandonedToday);
        Assert.Equal(0, board.Waiting);
    }

    [Fact]
    public async Task Notes_stay_internal_wrap_up_is_recorded_and_start_accept_end_and_rating_are_audited()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.GoldInvestor);
        var id = (await investor.StartChatAsync(text: "question")).ConversationId;
        await agent.AcceptAsync(id);
        var chat = app.Services.GetRequiredService<ChatService>();
        var agentActor = await ActorAsync(DemoUsers.Agent, Roles.Agent);
        var investorActor = await ActorAsync(DemoUsers.GoldInvestor, Roles.Investor);

        await chat.AddNoteAsync(agentActor, id, "客户情绪稳定");
        await chat.WrapUpAsync(agentActor, new WrapUpRequest(id, ChatDisposition.Answered, ResolvedAtFirstContact: true));
        await investor.Connection.InvokeAsync("Rate", new RateRequest(id, 4));
        var agentsView = await chat.GetConversationAsync(agentActor, id);
        var investorsView = await chat.GetConversationAsync(investorActor, id);
        var stored = await app.WithDbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Subject == "chat:" + id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

        Assert.Equal(["客户情绪稳定"], agentsView!.Notes.Select(n => n.Text));
        Assert.True(agentsView.WrappedUp);
        Assert.NotNull(agentsView.InvestorId);
        Assert.Empty(investorsView!.Notes);
        Assert.Null(investorsView.InvestorId);
        Assert.Equal(4, investorsView.Rating);
        Assert.Equal(ChatStatus.Ended, investorsView.Ticket.Status);
        Assert.Equal(ChatDisposition.Answered, stored.Disposition);
        Assert.True(stored.ResolvedAtFirstContact);
        Assert.Equal(ChatParty.Agent, stored.EndedBy);
        Assert.Equal([AuditActions.ChatStarted, AuditActions.ChatAccepted, AuditActions.ChatEnded, AuditActions.ChatRated], audited);
    }

    private async Task<Actor> ActorAsync(string email, string role)
    {
        var (id, investorId) = await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return (userId, await db.Set<Investor>().Where(i => i.UserId == userId).Select(i => (int?)i.Id).SingleOrDefaultAsync());
        });
        return new(id, email == DemoUsers.Agent ? "王芳" : email, new HashSet<string> { role }, investorId, null);
    }
}
