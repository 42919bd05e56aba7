using System.Text.Json;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;

namespace Portal.E2ETests.Chat;

/// <summary>
/// The official JavaScript SignalR client (<c>@microsoft/signalr</c>, installed into tests/js-client by tests/run.sh)
/// talks to /hubs/chat by the contract in DESIGN.md, in Chromium with the investor's sign-in cookie.
/// </summary>
public sealed class JavaScriptClientTests(PortalAppFixture app) : BrowserTest(app)
{
    private const string Conversation = """
        async () => {
            const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/chat").build();
            await connection.start();
            try {
                const ticket = await connection.invoke("StartChat", { topic: "Trading", text: "From the JavaScript client" });
                const sent = await connection.invoke("Send", { conversationId: ticket.conversationId, clientMessageId: "js-client-1", text: "Second, sent twice" });
                const again = await connection.invoke("Send", { conversationId: ticket.conversationId, clientMessageId: "js-client-1", text: "Second, sent twice" });
                const history = await connection.invoke("History", ticket.conversationId, 0);
                const mine = await connection.invoke("MyConversations");
                let refused = null;
                try { await connection.invoke("Accept", ticket.conversationId); } catch (e) { refused = e.message; }
                await connection.invoke("End", ticket.conversationId);
                return JSON.stringify({ ticket, sent, again, history, mine, refused });
            } finally {
                await connection.stop();
            }
        }
        """;

    private static string ClientScript()
    {
        var path = Path.Combine(TestEnvironment.RepositoryRoot().FullName, "tests", "js-client", "node_modules", "@microsoft", "signalr", "dist", "browser", "signalr.min.js");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The JavaScript SignalR client is not installed at '{path}': run 'npm ci --prefix tests/js-client' (tests/run.sh does).");
    }

    [Fact]
    public async Task The_official_client_starts_a_chat_sends_idempotently_and_reads_history_in_the_contract_shapes()
    {
        var script = ClientScript();
        var agentPage = await OpenAnotherBrowserAsync();
        await SignInAsync(agentPage, DemoAccounts.Agent);
        var agent = await new AgentConsolePage(agentPage).OpenAsync();
        await agent.GoOnlineAsync();

        // The page's Content-Security-Policy allows only the portal's own scripts; this test brings the client itself.
        await using var context = await App.NewContextAsync(Desktop, bypassCsp: true);
        var page = await context.NewPageAsync();
        try
        {
            await SignInAsync(page, DemoAccounts.SilverInvestor);
            await page.AddScriptTagAsync(new() { Path = script });
            // As the client parsed it, serialised back to JSON in the page (no browser-to-test conversion in between).
            using var json = JsonDocument.Parse(await page.EvaluateAsync<string>(Conversation));
            var result = json.RootElement;

            var ticket = result.GetProperty("ticket");
            Assert.Equal(JsonValueKind.String, ticket.GetProperty("conversationId").ValueKind);
            Assert.Equal("Queued", ticket.GetProperty("status").GetString());
            Assert.Equal("Trading", ticket.GetProperty("topic").GetString());
            Assert.Equal(JsonValueKind.Number, ticket.GetProperty("position").ValueKind);
            Assert.Equal(JsonValueKind.Number, ticket.GetProperty("estimatedWaitSeconds").ValueKind);
            Assert.True(ticket.TryGetProperty("offlineReference", out _));

            var sent = result.GetProperty("sent");
            var conversationId = ticket.GetProperty("conversationId").GetString();
            Assert.Equal(conversationId, sent.GetProperty("conversationId").GetString());
            Assert.Equal(2, sent.GetProperty("sequence").GetInt64());
            Assert.Equal("js-client-1", sent.GetProperty("clientMessageId").GetString());
            Assert.Equal("Investor", sent.GetProperty("sender").GetString());
            Assert.Equal(JsonValueKind.String, sent.GetProperty("senderName").ValueKind);
            Assert.Equal("Second, sent twice", sent.GetProperty("text").GetString());
            Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(sent.GetProperty("sentAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Offset);
            // The re-send is the first message again, exactly as first returned: nothing new was stored.
            Assert.Equal(sent.ToString(), result.GetProperty("again").ToString());

            var history = result.GetProperty("history").EnumerateArray().ToList();
            Assert.Equal([1L, 2L], history.Select(m => m.GetProperty("sequence").GetInt64()));
            Assert.Equal("From the JavaScript client", history[0].GetProperty("text").GetString());
            Assert.Equal(conversationId, Assert.Single(result.GetProperty("mine").EnumerateArray()).GetProperty("conversationId").GetString());
            Assert.Contains("HubException: forbidden", result.GetProperty("refused").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await agent.SetPresenceAsync("Offline");
        }
    }
}
