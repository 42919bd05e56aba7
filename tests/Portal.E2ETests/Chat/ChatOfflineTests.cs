using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Chat;

/// <summary>With no agent Online the investor leaves a message and is told when to expect an answer.</summary>
public sealed partial class ChatOfflineTests(PortalAppFixture app) : BrowserTest(app)
{
    private const string DiamondInvestor = "investor.diamond@portal.demo";

    [Fact]
    public async Task With_nobody_online_the_investor_leaves_a_message_with_a_reference_and_the_next_opening()
    {
        await SignInAsync(DiamondInvestor);
        var chat = await new InvestorChatPage(Page).OpenAsync();

        await Expect(Page.GetByText("No agent is online right now. Leave a message and we will answer it.")).ToBeVisibleAsync();
        var leave = Page.GetByRole(AriaRole.Button, new() { Name = "Leave a message" });
        await leave.ClickAsync();
        await Expect(Page.GetByText("Write your message first.")).ToBeVisibleAsync();

        await Page.GetByLabel("Your message").FillAsync("Please call me back about my fund switch.");
        await leave.ClickAsync();

        await Expect(chat.Status).ToHaveTextAsync(Recorded());
        await Expect(leave).ToHaveCountAsync(0);
        var reference = Recorded().Match(await chat.Status.InnerTextAsync()).Groups["reference"].Value;
        var follow = Page.GetByRole(AriaRole.Link, new() { Name = "Follow its progress" });
        await Expect(follow).ToHaveAttributeAsync("href", "/requests/" + reference);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Start a new chat" }).ClickAsync();
        await Expect(leave).ToBeVisibleAsync();

        // The message is a request on the investor's own case page.
        await Page.GotoAsync("/requests/" + reference);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Please call me back about my fund switch.", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText(reference).First).ToBeVisibleAsync();
    }

    // "We will answer from Mon 9:00." (the calendar's next opening, to the minute, in the investor's time zone), or
    // today while the business is open (the test runs at any hour).
    [GeneratedRegex(@"^Your message is recorded under reference (?<reference>R-\d{8}-\d{4})\. We will answer (from (Mon|Tue|Wed|Thu|Fri|Sat|Sun)( \d{4}-\d{2}-\d{2})? \d{1,2}:\d{2}|today, during business hours)\.$")]
    private static partial Regex Recorded();
}
