using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Chat;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Cases;

/// <summary>A complaint through the pages in three browsers: investor, agent, specialist (issue 10, item 9).</summary>
public sealed class CaseTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task An_investor_reports_a_failed_transaction_an_agent_answers_and_escalates_a_specialist_resolves_and_the_investor_rates()
    {
        var agentPage = await OpenAnotherBrowserAsync();
        var specialistPage = await OpenAnotherBrowserAsync();
        await SignInAsync(agentPage, DemoAccounts.Agent);
        await SignInAsync(specialistPage, DemoAccounts.Specialist);
        await SignInAsync(DemoAccounts.GoldInvestor);
        try
        {
            // "Report a problem" on a failed transaction starts a complaint about it.
            var transactions = new TransactionsPage(Page);
            await transactions.OpenFirstFailedAsync();
            await transactions.ReportProblem.ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/complaints/new\?transaction=\d+$"));
            var form = new NewCasePage(Page);
            await Expect(form.Context).ToContainTextAsync("Failed");
            await form.Subject.FillAsync("My subscription failed although the money was there");
            await form.Description.FillAsync("The order was refused but my bank shows the funds.\n<b>Please check.</b>");
            await form.Files.SetInputFilesAsync(new FilePayload { Name = "bank-receipt.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.4 receipt"u8] });
            await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Remove bank-receipt.pdf" })).ToBeVisibleAsync();
            var reference = await form.SubmitAsync();
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("case-created-1280.png"), FullPage = true });
            await Page.GetByRole(AriaRole.Link, new() { Name = $"Follow {reference}" }).ClickAsync();
            var mine = new InvestorCasePage(Page);
            await Expect(mine.Status).ToHaveTextAsync("New");
            await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Download bank-receipt.pdf" })).ToBeVisibleAsync();

            // An agent picks it up on the desk and replies; the investor sees the reply without reloading.
            var desk = new DeskPages(agentPage);
            await desk.OpenListAsync();
            await agentPage.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
            await Expect(agentPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference);
            await desk.Button("Pick up").ClickAsync();
            await Expect(desk.Owner).ToContainTextAsync(DemoAccounts.AgentName);
            // "/" and a shortcut opens the canned replies; Enter puts the chosen one in the box (not a new line).
            var replyBox = agentPage.GetByLabel("Your message");
            await replyBox.PressSequentiallyAsync("/wai");
            await Expect(agentPage.GetByRole(AriaRole.Listbox, new() { Name = "Canned responses" })).ToContainTextAsync("/wait");
            await replyBox.PressAsync("Enter");
            await Expect(replyBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^(请稍等，我正在为您查询。|One moment please, I am looking into it.)$"));
            await Expect(agentPage.GetByRole(AriaRole.Listbox, new() { Name = "Canned responses" })).ToHaveCountAsync(0);
            await desk.ReplyAsync("We are checking the order with the fund company.");
            await Expect(mine.Timeline.Item("We are checking the order with the fund company.")).ToBeVisibleAsync();
            await Expect(Page.GetByText("<b>Please check.</b>")).ToBeVisibleAsync();
            await agentPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("desk-case-1280.png"), FullPage = true });

            // The agent escalates to the specialists; the specialist picks it up, fills the complaint form and resolves it.
            await desk.ActWithTextAsync("Escalate to specialists", "Why it needs a specialist", "The fund company needs a complaint reference.");
            await Expect(desk.Status).ToHaveTextAsync("Escalated");
            var specialist = new DeskPages(specialistPage);
            await specialist.OpenCaseAsync(reference);
            await specialist.Button("Pick up").ClickAsync();
            await Expect(specialist.Owner).ToContainTextAsync(DemoAccounts.SpecialistName);
            var complaintForm = specialistPage.Locator("[data-testid=complaint-form]");
            await complaintForm.GetByLabel("Investigation").FillAsync("The bank transfer arrived after the cut-off time.");
            await complaintForm.GetByLabel("Resolution", new() { Exact = true }).FillAsync("Order placed again at the original price; fee refunded.");
            await complaintForm.GetByRole(AriaRole.Button, new() { Name = "Save form" }).ClickAsync();
            await Expect(specialist.Timeline.Item("saved the complaint handling form")).ToBeVisibleAsync();
            await Expect(complaintForm.GetByLabel("Investigation")).ToHaveValueAsync("The bank transfer arrived after the cut-off time.");
            await specialist.ActWithTextAsync("Resolve", "Resolution (the client sees it)", "We placed your order again at the original price and refunded the fee.");
            await Expect(specialist.Status).ToHaveTextAsync("Resolved");

            // The investor sees it resolved without reloading, and rates it.
            await Expect(mine.Status).ToHaveTextAsync("Resolved");
            await Expect(mine.Timeline.Item("We placed your order again at the original price")).ToBeVisibleAsync();
            await mine.RateAsync(5, "Sorted quickly, thank you.");
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("investor-case-1280.png"), FullPage = true });
            await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("investor-case-390.png"), FullPage = true });
            await agentPage.SetViewportSizeAsync(Phone.Width, Phone.Height);
            await desk.OpenListAsync();
            await agentPage.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("desk-390.png"), FullPage = true });
        }
        catch
        {
            await Page.ScreenshotAsync(new() { Path = "/tmp/case-investor.png", FullPage = true });
            await agentPage.ScreenshotAsync(new() { Path = "/tmp/case-agent.png", FullPage = true });
            await specialistPage.ScreenshotAsync(new() { Path = "/tmp/case-specialist.png", FullPage = true });
            throw;
        }
    }

    [Fact]
    public async Task An_agent_records_a_call_that_needs_a_follow_up_and_makes_it_a_case_in_one_click()
    {
        await SignInAsync(DemoAccounts.Agent);
        try
        {
            await Page.GotoAsync("/agent/calls/new");
            await new ShellPage(Page).WaitUntilInteractiveAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Record a call", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.Locator("[data-testid=phone-scripts]")).ToContainTextAsync("Greeting");

            // Required fields are said beside the fields.
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save call record" }).ClickAsync();
            await Expect(Page.GetByText("Write the caller's name.")).ToBeVisibleAsync();

            await Page.GetByLabel("Caller").FillAsync(DemoAccounts.GoldInvestorName);
            await Page.GetByLabel("Account number (optional)").FillAsync(DemoAccounts.GoldInvestorAccount);
            await Page.GetByLabel("Question").FillAsync("Why has my account transfer not gone through?");
            await Page.GetByLabel("Answer given").FillAsync("I will check with the back office and call back.");
            await Page.GetByLabel("Follow-up needed").CheckAsync();
            await Page.GetByLabel("Who follows up").ClickAsync();
            await Page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + DemoAccounts.AgentName) }).First.ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save call record" }).ClickAsync();
            await Expect(Page.GetByText("Call recorded.")).ToBeVisibleAsync();
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("call-1280.png"), FullPage = true });

            await Page.GetByRole(AriaRole.Button, new() { Name = "Create case" }).ClickAsync();
            var link = Page.Locator("[data-testid=call-case]").GetByRole(AriaRole.Link);
            await Expect(link).ToHaveTextAsync(CaseTimelinePart.Reference());
            var reference = await link.InnerTextAsync();
            await Expect(Page.Locator("[data-testid=recent-calls]")).ToContainTextAsync(reference);

            await link.ClickAsync();
            var desk = new DeskPages(Page);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference);
            await Expect(desk.Owner).ToContainTextAsync(DemoAccounts.AgentName);
            await Expect(Page.GetByText("Why has my account transfer not gone through?").First).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
            await Page.ScreenshotAsync(new() { Path = ChatScreenshots.PathOf("desk-case-390.png"), FullPage = true });
        }
        catch
        {
            await Page.ScreenshotAsync(new() { Path = "/tmp/case-call.png", FullPage = true });
            throw;
        }
    }
}
