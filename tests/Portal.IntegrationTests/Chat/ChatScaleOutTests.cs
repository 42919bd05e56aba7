using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat;

namespace Portal.IntegrationTests.Chat;

/// <summary>
/// Two instances on one PostgreSQL and one Redis (the SignalR backplane and the event bus): an investor on one and an
/// agent on the other chat both ways through the hub, and both instances agree on the queue, the desk and the events.
/// </summary>
public sealed class ChatScaleOutTests(RedisPortalApp app) : IClassFixture<RedisPortalApp>
{
    private static readonly Actor Supervisor = new("tests", "tests", new HashSet<string> { Roles.Supervisor }, null, null);

    [Fact]
    public async Task An_investor_on_one_instance_and_an_agent_on_the_other_chat_both_ways_and_the_instances_agree()
    {
        var second = await app.SecondInstanceAsync();
        try
        {
            await using var agent = await ChatHubClient.ConnectAsync(second, DemoUsers.Agent);
            await agent.OnlineAsync();
            await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.GoldInvestor);
            var onFirst = new List<ChatEvent>();
            using var pageOnFirst = app.Services.GetRequiredService<ChatEvents>().SubscribeUser(await UserIdAsync(DemoUsers.Agent), e =>
            {
                lock (onFirst)
                {
                    onFirst.Add(e);
                }

                return Task.CompletedTask;
            });

            var availabilityOnFirst = await app.Services.GetRequiredService<ChatService>().GetAvailabilityAsync();
            var ticket = await investor.StartChatAsync(ChatTopic.General, "来自实例一");
            await agent.WaitForAsync<QueueChangedEvent>(nameof(IChatClient.QueueChanged), q => q.Waiting == 1);
            var queueOnFirst = await app.Services.GetRequiredService<ChatService>().GetQueueAsync(Supervisor);
            var queueOnSecond = await second.Services.GetRequiredService<ChatService>().GetQueueAsync(Supervisor);
            await agent.AcceptAsync(ticket.ConversationId);
            var assigned = await investor.WaitForAsync<AssignedEvent>(nameof(IChatClient.Assigned));
            var fromAgent = await agent.SendAsync(ticket.ConversationId, "来自实例二");
            var atInvestor = await investor.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.Sequence == fromAgent.Sequence);
            var fromInvestor = await investor.SendAsync(ticket.ConversationId, "收到");
            var atAgent = await agent.WaitForAsync<ChatMessage>(nameof(IChatClient.Message), m => m.Sequence == fromInvestor.Sequence);
            var boardOnFirst = await app.Services.GetRequiredService<ChatService>().GetBoardAsync(Supervisor);
            await WaitUntilAsync(() => onFirst.Any(e => e.Kind == ChatEventKind.Message && e.Message!.Sequence == fromInvestor.Sequence));
            await Task.Delay(300);

            Assert.True(availabilityOnFirst.AgentsOnline);
            Assert.Equal(ChatStatus.Queued, ticket.Status);
            Assert.Equal(queueOnFirst, queueOnSecond);
            Assert.Equal([ticket.ConversationId], queueOnFirst.Select(q => q.ConversationId));
            Assert.Equal("王芳", assigned.AgentName);
            Assert.Equal(fromAgent, atInvestor);
            Assert.Equal(fromInvestor, atAgent);
            Assert.Single(investor.Messages, m => m.Sequence == fromAgent.Sequence);
            Assert.Single(agent.Messages, m => m.Sequence == fromInvestor.Sequence);
            Assert.Equal(AgentPresence.Online, boardOnFirst.Agents.Single(a => a.Name == "王芳").Presence);
            Assert.Equal(1, boardOnFirst.Agents.Single(a => a.Name == "王芳").OpenChats);
            lock (onFirst)
            {
                Assert.Single(onFirst, e => e.Kind == ChatEventKind.Message && e.Message!.Sequence == fromInvestor.Sequence);
            }
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + ChatHubClient.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The event did not arrive on the other instance.");
            await Task.Delay(20);
        }
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.Email == email).Select(u => u.Id).Single()));
}
