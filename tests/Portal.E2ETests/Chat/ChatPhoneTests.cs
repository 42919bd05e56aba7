using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Chat;

/// <summary>The chat on a phone (390 px): the chat button above the content, the chat page and the console without sideways scrolling.</summary>
public sealed class ChatPhoneTests(PortalAppFixture app) : BrowserTest(app)
{
    protected override ViewportSize Viewport => Phone;

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} scrolls sideways on a phone.");

    [Fact]
    public async Task The_chat_button_opens_the_chat_and_a_chat_fits_a_phone_on_both_sides()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        var button = Page.GetByRole(AriaRole.Link, new() { Name = "Chat with us" });
        await Expect(button).ToBeInViewportAsync();
        var box = (await button.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width > Phone.Width - 40 && box.Y + box.Height > Phone.Height - 40, $"The chat button is not at the bottom right: {box.X},{box.Y}.");
        // Above the content: the button itself is what a tap at its centre reaches.
        Assert.True(await Page.EvaluateAsync<bool>(
            "p => document.elementFromPoint(p.x, p.y)?.closest('a')?.getAttribute('href') === '/chat'", new { x = (double)(box.X + (box.Width / 2)), y = (double)(box.Y + (box.Height / 2)) }));

        await button.ClickAsync();
        var chat = new InvestorChatPage(Page);
        await Expect(chat.Heading).ToBeVisibleAsync();
        await Expect(button).ToHaveCountAsync(0);

        var agentPage = await OpenAnotherBrowserAsync(Phone);
        await SignInAsync(agentPage, DemoAccounts.Agent);
        var agent = await new AgentConsolePage(agentPage).OpenAsync();
        await agent.SetPresenceAsync("Online");
        try
        {
            await Page.ReloadAsync();
            await new ShellPage(Page).WaitUntilInteractiveAsync();
            await Expect(chat.StartButton).ToBeVisibleAsync();
            await chat.FirstMessage.FillAsync("我想查询一下上个月的对账单，链接是 https://portal.example/statements/2026-11 谢谢");
            await chat.StartButton.ClickAsync();
            await Expect(chat.Status).ToContainTextAsync("You are number 1 in the queue.");
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("chat-investor-queued-390.png"), FullPage = true });
            await AssertNoSidewaysScrollAsync(Page, "The queued chat");

            await agent.QueueRows.First.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(agent.Tab(DemoAccounts.GoldInvestorName)).ToBeVisibleAsync();
            await agent.Messages.SendAsync("您好，我来帮您查看。Please see https://portal.example/faq/statements for the schedule.");
            await Expect(chat.Messages.Bubble("您好，我来帮您查看。")).ToBeVisibleAsync();
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("chat-investor-active-390.png"), FullPage = true });
            await agentPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("chat-agent-390.png"), FullPage = true });
            await AssertNoSidewaysScrollAsync(Page, "The chat");
            await AssertNoSidewaysScrollAsync(agentPage, "The agent console");

            await chat.EndAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "How did we do?" })).ToBeVisibleAsync();
        }
        finally
        {
            await agent.SetPresenceAsync("Offline");
        }
    }
}
