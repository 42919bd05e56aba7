using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Chat;

/// <summary>An investor and the desk chatting through the pages, each in their own browser (issue 9, item 9).</summary>
public sealed class ChatTests(PortalAppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions AfterReconnect = new() { Timeout = 45_000 };

    [Fact]
    public async Task An_investor_waits_an_agent_answers_a_specialist_takes_over_and_nothing_is_lost_offline()
    {
        var agentPage = await OpenAnotherBrowserAsync();
        var specialistPage = await OpenAnotherBrowserAsync();
        await SignInAsync(agentPage, DemoAccounts.Agent);
        await SignInAsync(specialistPage, DemoAccounts.Specialist);
        await SignInAsync(DemoAccounts.GoldInvestor);
        var agent = await new AgentConsolePage(agentPage).OpenAsync();
        var specialist = await new AgentConsolePage(specialistPage).OpenAsync();
        await agent.GoOnlineAsync();
        try
        {
            // The investor joins the queue and sees the position and an estimate in minutes.
            var chat = await new InvestorChatPage(Page).OpenAsync();
            await chat.FirstMessage.FillAsync("Hello, a question about https://portal.example/faq/fees <b>please</b>");
            await chat.StartButton.ClickAsync();
            await Expect(chat.Status).ToContainTextAsync("You are number 1 in the queue.");
            await Expect(chat.Status).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Estimated wait: (less than a minute|about \\d+ min)\\."));

            // The agent accepts from the queue; the investor sees the agent's name.
            await Expect(agent.QueueRows).ToHaveCountAsync(1);
            await agent.QueueRows.First.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(agent.Tab(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
            await Expect(chat.Status).ToHaveTextAsync($"You are chatting with {DemoAccounts.AgentName}.");

            // The first message arrived as text with its address as a link, and the agent has read it.
            var first = agent.Messages.Bubble("Hello, a question about");
            await Expect(first).ToContainTextAsync("<b>please</b>");
            await Expect(first.GetByRole(AriaRole.Link, new() { Name = "https://portal.example/faq/fees" })).ToHaveAttributeAsync("rel", "noopener noreferrer");
            await Expect(chat.Messages.Ticks("Hello, a question about")).ToHaveTextAsync("✓✓ Read");

            // Typing shows on the other side; messages both ways; read ticks follow.
            await chat.Messages.Composer.FillAsync("Are you there?");
            await Expect(agent.Messages.Typing).ToHaveTextAsync($"{DemoAccounts.GoldInvestorName} is typing…");
            await chat.Messages.Composer.PressAsync("Enter");
            await Expect(agent.Messages.Bubble("Are you there?")).ToBeVisibleAsync();
            await Expect(chat.Messages.Ticks("Are you there?")).ToHaveTextAsync("✓✓ Read");
            await agent.Messages.SendAsync("Yes, I am looking at your fees now.");
            await Expect(chat.Messages.Bubble("Yes, I am looking at your fees now.")).ToBeVisibleAsync();
            await Expect(agent.Messages.Ticks("Yes, I am looking at your fees now.")).ToHaveTextAsync("✓✓ Read");
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("chat-investor-1280.png"), FullPage = true });
            await agentPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("chat-agent-1280.png"), FullPage = true });

            // The supervisor's panel shows the chat with its agent and reads along live.
            var supervisorPage = await OpenAnotherBrowserAsync();
            await SignInAsync(supervisorPage, DemoAccounts.Supervisor);
            var board = new SupervisorChatPanel(supervisorPage);
            await board.OpenAsync();
            await Expect(board.ActiveRow(DemoAccounts.GoldInvestorName)).ToContainTextAsync(DemoAccounts.AgentName);
            await Expect(board.Agent(DemoAccounts.AgentName)).ToContainTextAsync("Online");
            await board.ViewAsync(DemoAccounts.GoldInvestorName);
            await Expect(board.Viewer.Bubble("Yes, I am looking at your fees now.")).ToBeVisibleAsync();
            await supervisorPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("chat-supervisor-1280.png"), FullPage = true });
            await chat.Messages.SendAsync("Thank you.");
            await Expect(board.Viewer.Bubble("Thank you.")).ToBeVisibleAsync();
            await Expect(board.Viewer.Composer).ToHaveCountAsync(0);

            // The agent hands over to the Specialists team with a note; the specialist sees the note and the history.
            // The offer sounds and flashes the title of the specialist's tab, which is in the background, until it has focus.
            await specialist.GoOnlineAsync();
            var consoleTitle = await specialistPage.TitleAsync();
            await specialistPage.EvaluateAsync("() => { document.hasFocus = () => false; }");
            var sounded = specialistPage.WaitForResponseAsync(r => r.Url.EndsWith("/sounds/chat-offer.wav", StringComparison.Ordinal));
            await agent.TransferToSpecialistsAsync("Client asks about fund fees; wants a specialist.");
            await Expect(agent.Tab(DemoAccounts.GoldInvestorName)).ToHaveCountAsync(0);
            await Expect(specialist.Offer).ToContainTextAsync("Transfer note: Client asks about fund fees; wants a specialist.");
            var sound = await sounded.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(sound.Ok, $"The offer sound answered {sound.Status}.");
            Assert.Equal("audio/wav", await sound.HeaderValueAsync("content-type"));
            await Expect(specialistPage).ToHaveTitleAsync("New chat");
            await specialistPage.EvaluateAsync("() => window.dispatchEvent(new Event('focus'))");
            await Expect(specialistPage).ToHaveTitleAsync(consoleTitle);
            await specialistPage.WaitForTimeoutAsync(1_500);
            Assert.Equal(consoleTitle, await specialistPage.TitleAsync());
            await specialist.Offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(specialist.Tab(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
            await Expect(specialistPage.GetByText("Client asks about fund fees; wants a specialist.").First).ToBeVisibleAsync();
            await Expect(specialist.Messages.Bubble("Hello, a question about")).ToBeVisibleAsync();
            await Expect(specialist.Messages.Bubble("Yes, I am looking at your fees now.")).ToBeVisibleAsync();
            await Expect(chat.Status).ToHaveTextAsync($"You are chatting with {DemoAccounts.SpecialistName}.");

            // The investor's browser drops off for 10 s while the specialist writes twice; back online, each shows once, in order.
            await Page.Context.SetOfflineAsync(true);
            await specialist.Messages.SendAsync("First while you were away.");
            await specialist.Messages.SendAsync("Second while you were away.");
            await Page.WaitForTimeoutAsync(10_000);
            await Page.Context.SetOfflineAsync(false);
            await Expect(chat.Messages.Bubble("Second while you were away.")).ToBeVisibleAsync(AfterReconnect);
            await Expect(chat.Messages.Bubble("First while you were away.")).ToHaveCountAsync(1);
            await Expect(chat.Messages.Bubble("Second while you were away.")).ToHaveCountAsync(1);
            var texts = await chat.Messages.Bubbles.Locator(".chat-bubble-text").AllInnerTextsAsync();
            var expected = new[]
            {
                "Hello, a question about", "Are you there?", "Yes, I am looking at your fees now.", "Thank you.", "First while you were away.", "Second while you were away.",
            };
            var shown = texts.Select(t => expected.FirstOrDefault(e => t.StartsWith(e, StringComparison.Ordinal))).OfType<string>().ToList();
            Assert.Equal(expected, shown);

            // The investor ends and rates; the transcript links are there.
            await chat.EndAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "How did we do?" })).ToBeVisibleAsync();
            await Page.Locator(".mud-rating-item").Nth(4).ClickAsync();
            await Page.GetByLabel("Comment (optional)").FillAsync("Quick and clear, thank you.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
            await Expect(Page.GetByText("Thank you for your rating.")).ToBeVisibleAsync();
            await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Download transcript (PDF)" })).ToBeVisibleAsync();
            await Expect(specialistPage.GetByText("The chat has ended. Wrap it up to close the tab.")).ToBeVisibleAsync();
        }
        catch
        {
            await Page.ScreenshotAsync(new() { Path = "/tmp/chat-investor.png", FullPage = true });
            await agentPage.ScreenshotAsync(new() { Path = "/tmp/chat-agent.png", FullPage = true });
            await specialistPage.ScreenshotAsync(new() { Path = "/tmp/chat-specialist.png", FullPage = true });
            throw;
        }
        finally
        {
            // The desk goes home: later tests find nobody online.
            await agent.SetPresenceAsync("Offline");
            await specialist.SetPresenceAsync("Offline");
        }
    }
}
