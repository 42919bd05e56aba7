using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.IntegrationTests.Cases;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Model;
using UglyToad.PdfPig;

namespace Portal.IntegrationTests.Chat;

/// <summary>The hub by its contract (DESIGN.md), through the .NET SignalR client, on PostgreSQL.</summary>
public sealed class ChatHubTests(PortalApp app) : IClassFixture<PortalApp>, IAsyncLifetime
{
    public Task InitializeAsync() => ChatHubClient.ResetAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Negotiate_and_the_websocket_upgrade_without_a_sign_in_are_401_not_a_redirect()
    {
        using var client = app.CreatePortalClient();
        using var negotiate = await client.PostAsync(ChatHosting.HubPath + "/negotiate?negotiateVersion=1", null);
        var socket = app.Server.CreateWebSocketClient();
        var upgrade = await Assert.ThrowsAnyAsync<Exception>(() => socket.ConnectAsync(new Uri(app.Server.BaseAddress, ChatHosting.HubPath), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        Assert.Contains("401", upgrade.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_with_403_and_the_portals_own_origin_connects()
    {
        var cookies = await ChatHubClient.SignInAsync(app, DemoUsers.SilverInvestor);
        using var http = app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        using var foreign = new HttpRequestMessage(HttpMethod.Post, ChatHosting.HubPath + "/negotiate?negotiateVersion=1") { Headers = { { "Origin", "https://evil.example" } } };
        using var refused = await http.SendAsync(foreign);
        await using var foreignHub = ChatHubClient.Build(app, cookies, "https://evil.example");
        var foreignStart = await Assert.ThrowsAnyAsync<Exception>(() => foreignHub.StartAsync());
        await using var ownHub = ChatHubClient.Build(app, cookies, PortalApp.PublicBaseUrl);
        await ownHub.StartAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("403", foreignStart.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, ownHub.State);
    }

    [Fact]
    public async Task An_investor_and_an_agent_chat_both_ways_with_typing_read_marks_end_and_rating()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.GoldInvestor);

        var ticket = await investor.StartChatAsync(ChatTopic.Trading, "你好，我想问一下交易时间。");
        await agent.WaitForAsync<QueueChangedEvent>(nameof(IChatClient.QueueChanged), q => q.Waiting == 1);
        var accepted = await agent.AcceptAsync(ticket.ConversationId);
        var assigned = await investor.WaitForAsync<AssignedEvent>(nameof(IChatClient.Assigned));
        var history = await agent.HistoryAsync(ticket.ConversationId);
        var reply = await agent.SendAsync(ticket.ConversationId, "您好，交易时间是 9:30 到 15:00。");
        var received = await investor.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.Sequence == 2);
        await investor.Connection.InvokeAsync("Typing", ticket.ConversationId);
        var typing = await agent.WaitForAsync<TypingEvent>(nameof(IChatClient.Typing));
        await investor.Connection.InvokeAsync("MarkRead", ticket.ConversationId, 2L);
        var read = await agent.WaitForAsync<ReadEvent>(nameof(IChatClient.Read));
        var thanks = await investor.SendAsync(ticket.ConversationId, "谢谢");
        await agent.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.Sequence == 3);
        await investor.EndAsync(ticket.ConversationId);
        var ended = await agent.WaitForAsync<EndedEvent>(nameof(IChatClient.Ended));
        await investor.Connection.InvokeAsync("Rate", new RateRequest(ticket.ConversationId, 5, "很好"));
        var rating = await app.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == ticket.ConversationId).Select(c => new { c.Rating, c.State, c.AcceptedAt, c.FirstAgentReplyAt, c.EndedBy }).SingleAsync());

        Assert.Equal(ChatStatus.Queued, ticket.Status);
        Assert.Equal(1, ticket.Position);
        Assert.Equal(ChatStatus.Active, accepted.Status);
        Assert.Equal("王芳", assigned.AgentName);
        Assert.Equal(["你好，我想问一下交易时间。"], history.Select(m => m.Text));
        Assert.Equal(new ChatMessage(ticket.ConversationId, 2, reply.ClientMessageId, ChatParty.Agent, "王芳", "您好，交易时间是 9:30 到 15:00。", reply.SentAt), received);
        Assert.Equal(ChatParty.Investor, typing.Sender);
        Assert.Equal(new ReadEvent(ticket.ConversationId, 2, ChatParty.Investor), read);
        Assert.Equal(3, thanks.Sequence);
        Assert.Equal(ChatParty.Investor, ended.By);
        Assert.Equal(5, rating.Rating);
        Assert.Equal(ConversationState.Ended, rating.State);
        Assert.NotNull(rating.AcceptedAt);
        Assert.NotNull(rating.FirstAgentReplyAt);
        Assert.Equal(ChatParty.Investor, rating.EndedBy);
    }

    [Fact]
    public async Task Another_investor_and_an_agent_not_offered_the_chat_find_nothing_there()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var otherAgent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent2);
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        await using var stranger = await ChatHubClient.ConnectAsync(app, DemoUsers.DiamondInvestor);
        var ticket = await investor.StartChatAsync(text: "hello");
        var id = ticket.ConversationId;

        var otherAgentBeforeAccept = await ChatHubClient.ErrorOfAsync(() => otherAgent.HistoryAsync(id));
        await agent.AcceptAsync(id);
        List<(string What, Func<Task> Call)> strangerCalls =
        [
            ("History", () => stranger.HistoryAsync(id)), ("Send", () => stranger.SendAsync(id, "hi")),
            ("MarkRead", () => stranger.Connection.InvokeAsync("MarkRead", id, 1L)), ("Typing", () => stranger.Connection.InvokeAsync("Typing", id)),
            ("End", () => stranger.EndAsync(id)), ("Rate", () => stranger.Connection.InvokeAsync("Rate", new RateRequest(id, 1))),
        ];
        List<(string What, Func<Task> Call)> otherAgentCalls =
        [
            ("History", () => otherAgent.HistoryAsync(id)), ("Send", () => otherAgent.SendAsync(id, "hi")), ("End", () => otherAgent.EndAsync(id)),
            ("Transfer", () => otherAgent.Connection.InvokeAsync("Transfer", new TransferRequest(id, ToTeam: ChatTeams.Specialists))),
            ("MarkRead", () => otherAgent.Connection.InvokeAsync("MarkRead", id, 1L)),
            ("Typing", () => otherAgent.Connection.InvokeAsync("Typing", id)), ("Decline", () => otherAgent.Connection.InvokeAsync("Decline", id)),
        ];
        var codes = new List<string>();
        foreach (var (what, call) in strangerCalls.Concat(otherAgentCalls))
        {
            codes.Add($"{what}: {await ChatHubClient.ErrorOfAsync(call)}");
        }

        var strangersOwn = await stranger.Connection.InvokeAsync<ChatTicket[]>("MyConversations");
        var otherAgentsOwn = await otherAgent.Connection.InvokeAsync<ChatTicket[]>("MyConversations");
        var agentsOwn = await agent.Connection.InvokeAsync<ChatTicket[]>("MyConversations");

        Assert.Equal(ChatErrors.NotFound, otherAgentBeforeAccept);
        Assert.All(codes, c => Assert.EndsWith(ChatErrors.NotFound, c, StringComparison.Ordinal));
        Assert.Empty(strangersOwn);
        Assert.Empty(otherAgentsOwn);
        Assert.Equal([id], agentsOwn.Select(t => t.ConversationId));
        Assert.DoesNotContain(stranger.Received(), r => r.Method == nameof(IChatClient.Message) || r.Method == nameof(IChatClient.Assigned));
        Assert.DoesNotContain(otherAgent.Received(), r => r.Method == nameof(IChatClient.Assigned));
    }

    [Fact]
    public async Task A_supervisor_reads_any_chat_and_watches_it_but_may_not_write_accept_or_end()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        await using var supervisor = await ChatHubClient.ConnectAsync(app, DemoUsers.Supervisor);
        var id = (await investor.StartChatAsync(text: "first")).ConversationId;

        var accept = await ChatHubClient.ErrorOfAsync(() => supervisor.AcceptAsync(id));
        await agent.AcceptAsync(id);
        await supervisor.Connection.InvokeAsync("Watch", id);
        await agent.SendAsync(id, "watched reply");
        var watched = await supervisor.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.Text == "watched reply");
        var history = await supervisor.HistoryAsync(id);
        var send = await ChatHubClient.ErrorOfAsync(() => supervisor.SendAsync(id, "may I?"));
        var end = await ChatHubClient.ErrorOfAsync(() => supervisor.EndAsync(id));
        var presence = await ChatHubClient.ErrorOfAsync(() => supervisor.OnlineAsync());
        var mine = await ChatHubClient.ErrorOfAsync(() => supervisor.Connection.InvokeAsync<ChatTicket[]>("MyConversations"));

        Assert.Equal(ChatErrors.Forbidden, accept);
        Assert.Equal(2, watched.Sequence);
        Assert.Equal(["first", "watched reply"], history.Select(m => m.Text));
        Assert.Equal([ChatErrors.Forbidden, ChatErrors.Forbidden, ChatErrors.Forbidden, ChatErrors.Forbidden], new[] { send, end, presence, mine });
    }

    [Fact]
    public async Task Roles_outside_the_chat_are_forbidden_and_an_investor_may_not_work_the_desk()
    {
        await using var editor = await ChatHubClient.ConnectAsync(app, DemoUsers.Editor);
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);

        var codes = new[]
        {
            await ChatHubClient.ErrorOfAsync(() => editor.StartChatAsync(text: "hi")),
            await ChatHubClient.ErrorOfAsync(() => editor.HistoryAsync("abc")),
            await ChatHubClient.ErrorOfAsync(() => editor.Connection.InvokeAsync<ChatTicket[]>("MyConversations")),
            await ChatHubClient.ErrorOfAsync(() => investor.OnlineAsync()),
            await ChatHubClient.ErrorOfAsync(() => investor.AcceptAsync("abc")),
            await ChatHubClient.ErrorOfAsync(() => investor.Connection.InvokeAsync("Decline", "abc")),
            await ChatHubClient.ErrorOfAsync(() => investor.Connection.InvokeAsync("Transfer", new TransferRequest("abc", ToTeam: ChatTeams.Specialists))),
            await ChatHubClient.ErrorOfAsync(() => agent.StartChatAsync(text: "hi")),
            await ChatHubClient.ErrorOfAsync(() => agent.Connection.InvokeAsync("Rate", new RateRequest("abc", 5))),
            await ChatHubClient.ErrorOfAsync(() => investor.Connection.InvokeAsync("Watch", "abc")),
        };

        Assert.All(codes, c => Assert.Equal(ChatErrors.Forbidden, c));
        Assert.Equal(ChatErrors.NotFound, await ChatHubClient.ErrorOfAsync(() => investor.HistoryAsync("no-such-chat")));
    }

    [Fact]
    public async Task Re_sending_a_client_message_id_returns_the_first_message_and_publishes_nothing_even_after_the_end()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync()).ConversationId;
        await agent.AcceptAsync(id);

        var first = await investor.SendAsync(id, "once", "client-1");
        await agent.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.ClientMessageId == "client-1");
        var again = await investor.SendAsync(id, "a different text", "client-1");
        var next = await investor.SendAsync(id, "twice", "client-2");
        await agent.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.ClientMessageId == "client-2");
        await agent.EndAsync(id);
        var afterEnd = await investor.SendAsync(id, "once", "client-1");
        var closed = await ChatHubClient.ErrorOfAsync(() => investor.SendAsync(id, "new after end", "client-3"));
        var stored = await investor.HistoryAsync(id);

        Assert.Equal(first, again);
        Assert.Equal(first, afterEnd);
        Assert.Equal(ChatErrors.Closed, closed);
        Assert.Equal([1L, 2L], stored.Select(m => m.Sequence));
        Assert.Equal(["once", "twice"], stored.Select(m => m.Text));
        Assert.Single(agent.Messages, m => m.ClientMessageId == "client-1");
    }

    [Fact]
    public async Task After_a_dropped_connection_history_after_the_last_sequence_returns_every_missed_message_once_in_order()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync(text: "before")).ConversationId;
        await agent.AcceptAsync(id);
        await agent.SendAsync(id, "seen");
        var last = (await investor.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.Text == "seen")).Sequence;
        await investor.DisposeAsync();

        var missed = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            missed.Add($"missed {i}");
            await agent.SendAsync(id, missed[^1]);
        }

        await using var back = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var resumed = await back.Connection.InvokeAsync<ChatTicket[]>("MyConversations");
        var caughtUp = await back.HistoryAsync(id, last);
        await agent.SendAsync(id, "live again");
        var live = await back.WaitForAsync<ChatMessage>(nameof(IChatClient.Message));

        Assert.Equal([id], resumed.Select(t => t.ConversationId));
        Assert.Equal(missed, caughtUp.Select(m => m.Text));
        Assert.Equal(Enumerable.Range((int)last + 1, 7).Select(s => (long)s), caughtUp.Select(m => m.Sequence));
        Assert.Equal(last + 8, live.Sequence);
    }

    [Fact]
    public async Task Two_agents_accepting_the_same_chat_at_once_one_wins_and_the_other_is_told_taken()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await using var agent2 = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent2);
        await agent.OnlineAsync();
        await agent2.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var outcomes = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var id = (await investor.StartChatAsync()).ConversationId;
            var tries = new[] { agent, agent2 }.Select(a => Task.Run(async () =>
            {
                try
                {
                    await a.AcceptAsync(id);
                    return "won";
                }
                catch (HubException ex)
                {
                    return ChatHubClient.CodeOf(ex);
                }
            })).ToList();
            var results = await Task.WhenAll(tries);
            outcomes.Add(string.Join(",", results.Order()));
            await investor.EndAsync(id);
        }

        Assert.All(outcomes, o => Assert.Equal("taken,won", o));
    }

    [Fact]
    public async Task Too_many_messages_a_second_are_rate_limited_without_closing_the_connection()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync()).ConversationId;
        await agent.AcceptAsync(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                await investor.SendAsync(id, $"fast {i}");
                return "sent";
            }
            catch (HubException ex)
            {
                return ex.Message.Contains(ChatErrors.RateLimited + ":", StringComparison.Ordinal) ? ChatErrors.RateLimited : ex.Message;
            }
        }));
        await Task.Delay(1_100);
        var later = await investor.SendAsync(id, "after a pause");

        Assert.Contains(ChatErrors.RateLimited, results);
        Assert.True(results.Count(r => r == "sent") <= MessageRateLimiter.Burst + 1, string.Join(", ", results));
        Assert.All(results, r => Assert.True(r is "sent" or ChatErrors.RateLimited, r));
        Assert.Equal(HubConnectionState.Connected, investor.Connection.State);
        Assert.Equal("after a pause", later.Text);
    }

    [Fact]
    public async Task Texts_too_long_empty_or_with_a_bad_client_message_id_are_refused_and_not_stored()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync()).ConversationId;

        var tooLong = await ChatHubClient.ErrorOfAsync(() => investor.SendAsync(id, new string('长', ChatLimits.MaxText + 1)));
        var empty = await ChatHubClient.ErrorOfAsync(() => investor.SendAsync(id, "   "));
        var longId = await ChatHubClient.ErrorOfAsync(() => investor.SendAsync(id, "hi", new string('x', ChatLimits.MaxClientMessageId + 1)));
        var startTooLong = await ChatHubClient.ErrorOfAsync(() => agent.Connection.InvokeAsync("Transfer", new TransferRequest(id, ToTeam: "Nobody")));
        var atLimit = await investor.SendAsync(id, new string('长', ChatLimits.MaxText));

        Assert.Equal(ChatErrors.TooLong, tooLong);
        Assert.Equal(ChatErrors.Invalid, empty);
        Assert.Equal(ChatErrors.Invalid, longId);
        Assert.Equal(ChatErrors.Invalid, startTooLong);
        Assert.Equal(1, atLimit.Sequence);
    }

    [Fact]
    public async Task With_no_agent_online_the_investors_message_becomes_a_case_for_the_desk_and_a_second_tap_makes_no_second()
    {
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.DiamondInvestor);
        var availability = await app.Services.GetRequiredService<ChatService>().GetAvailabilityAsync();
        var client = await app.ActorAsync(DemoUsers.DiamondInvestor, Roles.Investor);
        var agent = await app.ActorAsync(DemoUsers.Agent, Roles.Agent);

        var noText = await ChatHubClient.ErrorOfAsync(() => investor.StartChatAsync());
        var ticket = await investor.StartChatAsync(ChatTopic.Statements, "请帮我看一下上个月的对账单。");
        var again = await investor.StartChatAsync(ChatTopic.Statements, "请帮我看一下上个月的对账单。");
        var complaint = await investor.StartChatAsync(ChatTopic.Complaints, "客服电话一直打不通。");
        var asInvestorSees = await app.Services.GetRequiredService<InvestorCases>().GetAsync(client, CaseKind.Request, ticket.OfflineReference!);
        var asDeskSees = await app.Services.GetRequiredService<CaseDesk>().GetAsync(agent, ticket.OfflineReference!);

        Assert.False(availability.AgentsOnline);
        Assert.Equal(availability.BusinessOpen, availability.NextOpening is null);
        Assert.Equal(ChatErrors.Invalid, noText);
        Assert.Equal(ChatStatus.Offline, ticket.Status);
        Assert.Matches(@"^R-\d{8}-\d{4}$", ticket.OfflineReference!);
        Assert.Equal(ticket.OfflineReference, again.OfflineReference);
        Assert.Matches(@"^C-\d{8}-\d{4}$", complaint.OfflineReference!);
        Assert.NotNull(asInvestorSees);
        Assert.Equal("请帮我看一下上个月的对账单。", asInvestorSees.Description);
        Assert.Equal(CaseCategory.Statements, asInvestorSees.Category);
        Assert.Equal(RequestType.Other, asInvestorSees.RequestType);
        Assert.True(asInvestorSees.Sla.DueAt > asInvestorSees.CreatedAt);
        Assert.Equal(CaseChannel.Chat, asDeskSees!.Channel);
        Assert.Equal(CaseStatus.New, asDeskSees.Status);
        Assert.Empty(await investor.Connection.InvokeAsync<ChatTicket[]>("MyConversations"));
    }

    [Fact]
    public async Task An_agent_at_capacity_cannot_accept_another_chat()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await app.WithDbAsync(db => db.Set<DeskPresence>().ExecuteUpdateAsync(u => u.SetProperty(p => p.Capacity, 1)));
        await using var first = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        await using var second = await ChatHubClient.ConnectAsync(app, DemoUsers.GoldInvestor);
        var one = (await first.StartChatAsync()).ConversationId;
        var two = (await second.StartChatAsync()).ConversationId;

        await agent.AcceptAsync(one);
        var full = await ChatHubClient.ErrorOfAsync(() => agent.AcceptAsync(two));
        await agent.EndAsync(one);
        var nowFree = await agent.AcceptAsync(two);
        await app.WithDbAsync(db => db.Set<DeskPresence>().ExecuteUpdateAsync(u => u.SetProperty(p => p.Capacity, 3)));

        Assert.Equal(ChatErrors.AtCapacity, full);
        Assert.Equal(ChatStatus.Active, nowFree.Status);
    }

    [Fact]
    public async Task Stored_messages_cannot_be_changed_or_deleted_in_the_database()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync(text: "keep me")).ConversationId;

        var update = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db =>
            db.Set<ConversationMessage>().Where(m => m.ConversationId == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Text, "changed"))));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db =>
            db.Set<ConversationMessage>().Where(m => m.ConversationId == id).ExecuteDeleteAsync()));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal(["keep me"], (await investor.HistoryAsync(id)).Select(m => m.Text));
    }

    [Fact]
    public async Task The_transcripts_are_for_the_participants_and_supervisors_and_the_pdf_keeps_the_chinese()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync(ChatTopic.Statements, "对账单在哪里下载？")).ConversationId;
        await agent.AcceptAsync(id);
        await agent.SendAsync(id, "在“对账单”页面可以下载 PDF。");
        await investor.EndAsync(id);

        using var owner = await app.SignedInClientAsync(DemoUsers.SilverInvestor);
        using var supervisor = await app.SignedInClientAsync(DemoUsers.Supervisor);
        using var stranger = await app.SignedInClientAsync(DemoUsers.GoldInvestor);
        using var agent2 = await app.SignedInClientAsync(DemoUsers.Agent2);
        var text = await owner.GetStringAsync($"/chat/{id}/transcript.txt");
        var pdf = await supervisor.GetByteArrayAsync($"/chat/{id}/transcript.pdf");
        using var strangers = await stranger.GetAsync($"/chat/{id}/transcript.txt");
        using var otherAgents = await agent2.GetAsync($"/chat/{id}/transcript.pdf");
        using var document = PdfDocument.Open(pdf);
        var pdfText = string.Concat(document.GetPages().Select(p => p.Text));

        Assert.Contains("对账单在哪里下载？", text, StringComparison.Ordinal);
        Assert.Contains("王芳: 在“对账单”页面可以下载 PDF。", text, StringComparison.Ordinal);
        Assert.Contains("对账单在哪里下载", pdfText, StringComparison.Ordinal);
        Assert.Contains("页面可以下载", pdfText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherAgents.StatusCode);
    }
}
