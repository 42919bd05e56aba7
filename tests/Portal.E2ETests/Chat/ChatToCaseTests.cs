using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Chat;

/// <summary>An agent turns a chat into a case from the console; the case carries what the client wrote and is the agent's.</summary>
public sealed partial class ChatToCaseTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_agent_opens_a_case_from_the_chat_with_the_clients_words_and_finds_it_on_the_desk()
    {
        var agentPage = await OpenAnotherBrowserAsync();
        await SignInAsync(agentPage, DemoAccounts.Agent);
        await SignInAsync(DemoAccounts.GoldInvestor);
        var agent = await new AgentConsolePage(agentPage).OpenAsync();
        await agent.GoOnlineAsync();
        try
        {
            var chat = await new InvestorChatPage(Page).OpenAsync();
            await chat.FirstMessage.FillAsync("My transfer to the bank has not arrived after three days.");
            await chat.StartButton.ClickAsync();
            await Expect(agent.QueueRows).ToHaveCountAsync(1);
            await agent.QueueRows.First.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(agent.Tab(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();

            await agentPage.GetByRole(AriaRole.Button, new() { Name = "Turn into a case" }).ClickAsync();
            var dialog = agentPage.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel("Subject")).ToHaveValueAsync("My transfer to the bank has not arrived after three days.");
            await dialog.GetByLabel("Subject").FillAsync("");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("Subject");
            await Expect(dialog.Locator(".mud-input-error")).Not.ToHaveCountAsync(0);

            await dialog.GetByLabel("Subject").FillAsync("Bank transfer not arrived");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            var opened = agentPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = Opened() });
            await Expect(opened).ToBeVisibleAsync();
            var reference = Opened().Match(await opened.InnerTextAsync()).Groups[1].Value;

            await opened.GetByRole(AriaRole.Link, new() { Name = "Go to the case" }).ClickAsync();
            await Expect(agentPage.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^" + Regex.Escape(reference)), Level = 1 })).ToBeVisibleAsync();
            await Expect(agentPage.GetByText("Bank transfer not arrived").First).ToBeVisibleAsync();
            await Expect(agentPage.GetByText("My transfer to the bank has not arrived after three days.").First).ToBeVisibleAsync();
            await chat.EndAsync();
        }
        finally
        {
            await new AgentConsolePage(agentPage).OpenAsync();
            await agent.SetPresenceAsync("Offline");
        }
    }

    [GeneratedRegex(@"Case (R-\d{8}-\d{4}) is open\.")]
    private static partial Regex Opened();
}
