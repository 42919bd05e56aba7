using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Model;

namespace Portal.IntegrationTests.Chat;

/// <summary>Routing, transfers and the sweeper's rounds (offer timeouts, disconnected agents, idle chats), on PostgreSQL.</summary>
public sealed class ChatSweeperTests(PortalApp app) : IClassFixture<PortalApp>, IAsyncLifetime
{
    private ChatSweeper Sweeper => app.Services.GetRequiredService<ChatSweeper>();

    private ChatService Chat => app.Services.GetRequiredService<ChatService>();

    public async Task InitializeAsync()
    {
        await ChatHubClient.ResetAsync(app);
        await ChatHubClient.SetSettingsAsync(app, _ => new ChatSettings());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_offer_not_accepted_in_time_goes_back_to_the_queue_at_its_old_place()
    {
        await ChatHubClient.SetSettingsAsync(app, s => s with { OfferTimeoutSeconds = 1 });
        var earlier = await ChatHubClient.NewInvestorAsync(app, ClientTier.Silver);
        var later = await ChatHubClient.NewInvestorAsync(app, ClientTier.Silver);
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await using var agent2 = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent2);
        await agent.OnlineAsync();
        await agent2.OnlineAsync();
        await using var first = await ChatHubClient.ConnectAsync(app, earlier.Email, earlier.Password);
        await using var second = await ChatHubClient.ConnectAsync(app, later.Email, later.Password);
        var a = (await first.StartChatAsync(text: "first in line")).ConversationId;
        await agent.AcceptAsync(a);
        var b = (await second.StartChatAsync(text: "second in line")).ConversationId;

        await agent.Connection.InvokeAsync("Transfer", new TransferRequest(a, ToUserId: await UserIdAsync(DemoUsers.Agent2), Note: "please take over"));
        var offered = await agent2.WaitForAsync<ChatTicket>(nameof(IChatClient.Offered), t => t.ConversationId == a);
        var queueWhileOffered = await Chat.GetQueueAsync(Actor.System("tests"));
        await Task.Delay(1_200);
        await Sweeper.SweepOnceAsync(CancellationToken.None);
        var queue = await Chat.GetQueueAsync(Actor.System("tests"));
        var queuedAt = await app.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == a).Select(c => new { c.QueuedAt, c.AcceptedAt, c.State }).SingleAsync());
        var position = await first.WaitForAsync<QueueUpdate>(nameof(IChatClient.Queue), q => q.ConversationId == a && q.Position == 1);

        Assert.Equal("please take over", offered.Note);
        Assert.Equal("李强", queueWhileOffered.Single(q => q.ConversationId == a).OfferedToName);
        Assert.Equal([a, b], queue.Select(q => q.ConversationId));
        Assert.Null(queue[0].OfferedToName);
        Assert.Equal(ConversationState.Queued, queuedAt.State);
        Assert.Equal(queue[0].QueuedAt, queuedAt.QueuedAt);
        Assert.True(queuedAt.QueuedAt < queue[1].QueuedAt);
        Assert.Equal(1, position.Position);
    }

    [Fact]
    public async Task A_desk_user_unseen_for_the_grace_period_goes_offline_and_their_chats_go_back_to_the_queue()
    {
        await ChatHubClient.SetSettingsAsync(app, s => s with { DisconnectGraceSeconds = 1 });
        var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync(text: "hello")).ConversationId;
        await agent.AcceptAsync(id);

        await Sweeper.SweepOnceAsync(CancellationToken.None);
        await Task.Delay(1_200);
        await Sweeper.SweepOnceAsync(CancellationToken.None);
        var whileConnected = await StateAsync(id);
        await agent.DisposeAsync();
        await Task.Delay(1_200);
        await Sweeper.SweepOnceAsync(CancellationToken.None);
        var afterGrace = await StateAsync(id);
        var presence = await app.WithDbAsync(db => db.Set<DeskPresence>().Where(p => p.Name == "王芳").Select(p => p.Presence).SingleAsync());
        var update = await investor.WaitForAsync<QueueUpdate>(nameof(IChatClient.Queue), q => q.ConversationId == id);

        Assert.Equal(ConversationState.Active, whileConnected);
        Assert.Equal(ConversationState.Queued, afterGrace);
        Assert.Equal(AgentPresence.Offline, presence);
        Assert.Equal(1, update.Position);
    }

    [Fact]
    public async Task An_idle_chat_gets_a_warning_then_closes()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync(text: "hello")).ConversationId;
        await agent.AcceptAsync(id);

        await IdleForAsync(id, TimeSpan.FromMinutes(6));
        await Sweeper.SweepOnceAsync(CancellationToken.None);
        var warning = await investor.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.Sender == ChatParty.System);
        await Sweeper.SweepOnceAsync(CancellationToken.None);
        var stillOpen = await StateAsync(id);
        await IdleForAsync(id, TimeSpan.FromMinutes(11));
        await Sweeper.SweepOnceAsync(CancellationToken.None);
        var ended = await investor.WaitForAsync<EndedEvent>(nameof(IChatClient.Ended));
        var history = await investor.HistoryAsync(id);

        Assert.Contains("5 minutes", warning.Text, StringComparison.Ordinal);
        Assert.Contains("5 分钟", warning.Text, StringComparison.Ordinal);
        Assert.Equal(ConversationState.Active, stillOpen);
        Assert.Equal(ChatParty.System, ended.By);
        Assert.Equal([ChatParty.Investor, ChatParty.System, ChatParty.System], history.Select(m => m.Sender));
        Assert.Equal([1L, 2L, 3L], history.Select(m => m.Sequence));
        Assert.Equal(ConversationState.Ended, await StateAsync(id));
    }

    [Fact]
    public async Task Auto_assign_offers_a_waiting_chat_to_the_agent_with_the_fewest_open_chats()
    {
        await ChatHubClient.SetSettingsAsync(app, s => s with { RoutingMode = RoutingMode.AutoAssign });
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await using var agent2 = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent2);
        await agent.OnlineAsync();
        await agent2.OnlineAsync();
        await using var busy = await ChatHubClient.ConnectAsync(app, DemoUsers.GoldInvestor);
        var first = await busy.StartChatAsync(text: "first");
        var firstOffer = await WaitForOfferAsync([agent, agent2], first.ConversationId);
        await firstOffer.AcceptAsync(first.ConversationId);
        var other = firstOffer == agent ? agent2 : agent;

        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var second = await investor.StartChatAsync(text: "second");
        var offer = await other.WaitForAsync<ChatTicket>(nameof(IChatClient.Offered), t => t.ConversationId == second.ConversationId);
        await other.Connection.InvokeAsync("Decline", second.ConversationId);
        var offeredBack = await firstOffer.WaitForAsync<ChatTicket>(nameof(IChatClient.Offered), t => t.ConversationId == second.ConversationId);

        Assert.Equal(ChatStatus.Queued, offer.Status);
        Assert.Equal(second.ConversationId, offeredBack.ConversationId);
    }

    [Fact]
    public async Task A_diamond_client_is_offered_to_their_adviser_first_and_to_the_queue_when_the_adviser_lets_the_time_pass()
    {
        await ChatHubClient.SetSettingsAsync(app, s => s with { AdviserFirstSeconds = 1 });
        var adviser = await app.CreateUserAsync(Roles.Agent);
        await app.WithDbAsync(async db =>
        {
            var profile = new StaffProfile { UserId = adviser.Id, DisplayName = "Test Agent", Team = StaffTeam.Advisory, StaffNumber = "V699" };
            db.Add(profile);
            await db.SaveChangesAsync();
            var diamondUser = await db.Users.Where(u => u.Email == DemoUsers.DiamondInvestor).Select(u => u.Id).SingleAsync();
            var diamond = await db.Set<Investor>().SingleAsync(i => i.UserId == diamondUser);
            diamond.AdviserId = profile.Id;
            return await db.SaveChangesAsync();
        });
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await using var advising = await ChatHubClient.ConnectAsync(app, adviser.Email, adviser.Password);
        await agent.OnlineAsync();
        await advising.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.DiamondInvestor);

        var id = (await investor.StartChatAsync(text: "我的顾问在吗？")).ConversationId;
        var offered = await advising.WaitForAsync<ChatTicket>(nameof(IChatClient.Offered), t => t.ConversationId == id);
        var whileOffered = (await Chat.GetQueueAsync(Actor.System("tests"))).Single(q => q.ConversationId == id);
        var agentMeanwhile = await ChatHubClient.ErrorOfAsync(() => agent.AcceptAsync(id));
        await Task.Delay(1_200);
        await Sweeper.SweepOnceAsync(CancellationToken.None);
        var afterwards = (await Chat.GetQueueAsync(Actor.System("tests"))).Single(q => q.ConversationId == id);
        var accepted = await agent.AcceptAsync(id);

        Assert.Equal(ChatStatus.Queued, offered.Status);
        Assert.Equal("Test Agent", whileOffered.OfferedToName);
        Assert.Equal(ChatErrors.Taken, agentMeanwhile);
        Assert.Null(afterwards.OfferedToName);
        Assert.Equal(whileOffered.QueuedAt, afterwards.QueuedAt);
        Assert.Equal("王芳", accepted.AgentName);
        Assert.DoesNotContain(agent.Received(), r => r.Payload is ChatTicket t && t.ConversationId == id);
    }

    [Fact]
    public async Task The_demo_adviser_at_the_chat_desk_is_offered_the_demo_diamond_clients_chat_first()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await using var adviser = await ChatHubClient.ConnectAsync(app, DemoUsers.Adviser);
        await agent.OnlineAsync();
        await adviser.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.DiamondInvestor);

        var id = (await investor.StartChatAsync(text: "孙顾问在吗？")).ConversationId;
        var offered = await adviser.WaitForAsync<ChatTicket>(nameof(IChatClient.Offered), t => t.ConversationId == id);
        var accepted = await adviser.AcceptAsync(id);

        Assert.Equal(id, offered.ConversationId);
        Assert.Equal("孙伟", accepted.AgentName);
        Assert.DoesNotContain(agent.Received(), r => r.Payload is ChatTicket t && t.ConversationId == id);
        await investor.EndAsync(id);
    }

    [Fact]
    public async Task A_transfer_to_the_specialists_is_offered_to_them_with_the_note_and_the_whole_history()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await using var specialist = await ChatHubClient.ConnectAsync(app, DemoUsers.Specialist);
        await agent.OnlineAsync();
        await specialist.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.DiamondInvestor);
        var id = (await investor.StartChatAsync(ChatTopic.Complaints, "我要投诉")).ConversationId;
        await agent.AcceptAsync(id);
        await agent.SendAsync(id, "我帮您转接专家。");
        var agent2Cannot = await ChatHubClient.ErrorOfAsync(async () =>
        {
            await using var agent2 = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent2);
            await agent2.AcceptAsync(id);
        });

        await agent.Connection.InvokeAsync("Transfer", new TransferRequest(id, ToTeam: ChatTeams.Specialists, Note: "投诉，需专家处理"));
        var offered = await specialist.WaitForAsync<ChatTicket>(nameof(IChatClient.Offered), t => t.ConversationId == id);
        var investorsTicket = (await investor.Connection.InvokeAsync<ChatTicket[]>("MyConversations")).Single();
        var history = await specialist.HistoryAsync(id);
        await using var agent2Again = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent2);
        var agentNotSpecialist = await ChatHubClient.ErrorOfAsync(() => agent2Again.AcceptAsync(id));
        await specialist.AcceptAsync(id);
        var assigned = await investor.WaitForAsync<AssignedEvent>(nameof(IChatClient.Assigned), a => a.AgentName == "张敏");
        var oldAgentNow = await ChatHubClient.ErrorOfAsync(() => agent.SendAsync(id, "still here?"));
        var view = await Chat.GetConversationAsync(SpecialistActor(await UserIdAsync(DemoUsers.Specialist)), id);

        Assert.Equal(ChatErrors.Taken, agent2Cannot);
        Assert.Equal("投诉，需专家处理", offered.Note);
        Assert.Null(investorsTicket.Note);
        Assert.Equal(["我要投诉", "我帮您转接专家。"], history.Select(m => m.Text));
        Assert.Equal(ChatErrors.NotFound, agentNotSpecialist);
        Assert.Equal(id, assigned.ConversationId);
        Assert.Equal(ChatErrors.NotFound, oldAgentNow);
        Assert.Equal(["投诉，需专家处理"], view!.Notes.Select(n => n.Text));
        Assert.True(view.Notes[0].IsTransferNote);
    }

    private static Actor SpecialistActor(string userId) => new(userId, "张敏", new HashSet<string> { Roles.Specialist }, null, null);

    private static async Task<ChatHubClient> WaitForOfferAsync(ChatHubClient[] agents, string conversationId)
    {
        var deadline = DateTime.UtcNow + ChatHubClient.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (agents.FirstOrDefault(a => a.Received().Any(r => r.Payload is ChatTicket t && t.ConversationId == conversationId)) is { } offered)
            {
                return offered;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException("Nobody was offered the chat.");
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<ConversationState> StateAsync(string id) =>
        app.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == id).Select(c => c.State).SingleAsync());

    private Task<int> IdleForAsync(string id, TimeSpan idle) => app.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == id)
        .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastActivityAt, DateTimeOffset.UtcNow - idle)));
}
