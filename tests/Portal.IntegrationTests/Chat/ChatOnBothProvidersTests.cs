using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Model;

namespace Portal.IntegrationTests.Chat;

/// <summary>The chat's races and time-ordered queries, on PostgreSQL and on SQLite.</summary>
public abstract class ChatOnBothProvidersTests(PortalApp app) : IAsyncLifetime
{
    private static readonly Actor Supervisor = new("tests", "tests", new HashSet<string> { Roles.Supervisor }, null, null);

    public Task InitializeAsync() => ChatHubClient.ResetAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_agents_accepting_at_once_leave_exactly_one_owner()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await using var agent2 = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent2);
        await agent.OnlineAsync();
        await agent2.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        for (var round = 0; round < 5; round++)
        {
            var id = (await investor.StartChatAsync()).ConversationId;
            var results = await Task.WhenAll(new[] { agent, agent2 }.Select(a => Task.Run(async () =>
            {
                try
                {
                    return (await a.AcceptAsync(id)).AgentName!;
                }
                catch (HubException ex)
                {
                    return ChatHubClient.CodeOf(ex);
                }
            })));
            var board = await app.Services.GetRequiredService<ChatService>().GetBoardAsync(Supervisor);

            Assert.Single(results, r => r == ChatErrors.Taken);
            Assert.Single(results, r => r is "王芳" or "李强");
            Assert.Equal(results.Single(r => r != ChatErrors.Taken), board.Active.Single(c => c.ConversationId == id).AgentName);
            await investor.EndAsync(id);
        }
    }

    [Fact]
    public async Task The_queue_is_in_tier_then_waiting_order_and_todays_figures_count_by_time()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        var ids = new List<string>();
        foreach (var email in new[] { DemoUsers.SilverInvestor, DemoUsers.GoldInvestor, DemoUsers.DiamondInvestor })
        {
            await using var investor = await ChatHubClient.ConnectAsync(app, email);
            ids.Add((await investor.StartChatAsync(text: email)).ConversationId);
        }

        var chat = app.Services.GetRequiredService<ChatService>();
        var queue = await chat.GetQueueAsync(Supervisor);
        await agent.AcceptAsync(ids[2]);
        var board = await chat.GetBoardAsync(Supervisor);
        var recent = await chat.RecentForInvestorAsync(Supervisor, await InvestorIdAsync(), 10);

        Assert.Equal([ids[2], ids[1], ids[0]], queue.Select(q => q.ConversationId));
        Assert.Equal([ClientTier.Diamond, ClientTier.Gold, ClientTier.Silver], queue.Select(q => q.Tier));
        Assert.Equal(2, board.Waiting);
        Assert.InRange(board.LongestWaitSeconds, 0, 60);
        Assert.Equal(ids, board.Active.Select(a => a.ConversationId));
        Assert.True(board.AnsweredToday >= 1);
        Assert.NotNull(board.ServiceLevelToday);
        Assert.Equal(recent.OrderByDescending(r => r.QueuedAt).Select(r => r.ConversationId), recent.Select(r => r.ConversationId));
        Assert.Equal(ids[0], recent[0].ConversationId);
    }

    [Fact]
    public async Task A_write_transaction_left_without_a_commit_holds_up_no_message()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync()).ConversationId;
        await agent.AcceptAsync(id);

        // A writer that fails half-way: its transaction is disposed without a commit or a rollback.
        await app.WithDbAsync(async db =>
        {
            await using var abandoned = await db.Database.BeginTransactionAsync();
            return await db.Set<Conversation>().Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1));
        });
        var sent = await investor.SendAsync(id, "still there?").WaitAsync(TimeSpan.FromSeconds(10));
        var received = await agent.WaitForAsync<ChatMessage>("Message", m => m.Text == "still there?");

        Assert.Equal(sent.Sequence, received.Sequence);
        await investor.EndAsync(id);
    }

    private Task<int> InvestorIdAsync() => app.WithDbAsync(async db =>
    {
        var userId = db.Users.Where(u => u.Email == DemoUsers.SilverInvestor).Select(u => u.Id).Single();
        return await Task.FromResult(db.Set<Investor>().Where(i => i.UserId == userId).Select(i => i.Id).Single());
    });
}

public sealed class ChatOnPostgresTests(PortalApp app) : ChatOnBothProvidersTests(app), IClassFixture<PortalApp>;

public sealed class ChatOnSqliteTests(SqlitePortalApp app) : ChatOnBothProvidersTests(app), IClassFixture<SqlitePortalApp>
{
    [Fact]
    public async Task A_transaction_left_without_a_commit_on_a_connection_the_code_opened_itself_holds_up_no_message()
    {
        await using var agent = await ChatHubClient.ConnectAsync(app, DemoUsers.Agent);
        await agent.OnlineAsync();
        await using var investor = await ChatHubClient.ConnectAsync(app, DemoUsers.SilverInvestor);
        var id = (await investor.StartChatAsync()).ConversationId;
        await agent.AcceptAsync(id);

        // As the statement pages do, the connection is opened by the code (so EF does not close it when the transaction
        // goes), and the context goes back to the pool with it open; the writer fails half-way, without a commit.
        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var abandoned = await db.Database.BeginTransactionAsync();
            return await db.Set<Conversation>().Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1));
        });
        var sent = await investor.SendAsync(id, "anyone?").WaitAsync(TimeSpan.FromSeconds(10));
        var received = await agent.WaitForAsync<ChatMessage>("Message", m => m.Text == "anyone?");

        Assert.Equal(sent.Sequence, received.Sequence);
        await investor.EndAsync(id);
    }

    [Fact]
    public async Task The_apps_connections_write_ahead_and_sync_the_log_at_checkpoints_not_every_commit()
    {
        var (journal, synchronous) = await app.WithDbAsync(async db =>
        {
            // Opened here, so closed here too: a pooled context must not go back with its connection held open.
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                var journalMode = (string)(await command.ExecuteScalarAsync())!;
                command.CommandText = "PRAGMA synchronous;";
                return (journalMode, (long)(await command.ExecuteScalarAsync())!);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal("wal", journal);
        Assert.Equal(1L, synchronous); // NORMAL; FULL (2), SQLite's default, flushes the disk on every commit
    }
}
