using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Cases;

/// <summary>The case history both sides see: one item per entry, internal notes marked.</summary>
public sealed partial class CaseTimelinePart(IPage page)
{
    public ILocator List => page.GetByRole(AriaRole.List, new() { Name = "History" });

    public ILocator Item(string text) => List.Locator("[data-testid=timeline-item]", new() { HasText = text });

    [GeneratedRegex(@"^[CR]-\d{8}-\d{4}$")]
    public static partial Regex Reference();
}

/// <summary>"/transactions": the investor finds a failed transaction and reports a problem with it.</summary>
public sealed class TransactionsPage(IPage page)
{
    public async Task OpenFirstFailedAsync()
    {
        await page.GotoAsync("/transactions");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await page.GetByLabel("Status", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Failed", Exact = true }).ClickAsync();
        // The table reloads after the filter: wait until its first row is a failed one.
        var first = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^View details of") }) }).First;
        await Expect(first).ToContainTextAsync("Failed");
        await first.GetByRole(AriaRole.Link).ClickAsync();
    }

    public ILocator ReportProblem => page.GetByRole(AriaRole.Link, new() { Name = "Report a problem with this transaction" });
}

/// <summary>"/complaints/new" and "/requests/new".</summary>
public sealed class NewCasePage(IPage page)
{
    public ILocator Context => page.Locator("[data-testid=case-context]");

    public ILocator Subject => page.GetByLabel("Subject");

    public ILocator Description => page.GetByLabel("Description");

    public ILocator Files => page.GetByLabel(new Regex("^Attachments \\(optional\\)"));

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Send (complaint|request)$") });

    public ILocator Reference => page.Locator("[data-testid=case-reference]");

    public async Task<string> SubmitAsync()
    {
        await Submit.ClickAsync();
        await Expect(Reference).ToHaveTextAsync(CaseTimelinePart.Reference());
        return await Reference.InnerTextAsync();
    }
}

/// <summary>"/complaints/{reference}": the investor follows a case.</summary>
public sealed class InvestorCasePage(IPage page)
{
    public CaseTimelinePart Timeline => new(page);

    public ILocator Status => page.Locator("[data-testid=case-status]").First;

    public ILocator RatingForm => page.Locator("[data-testid=case-rating]");

    public async Task RateAsync(int stars, string comment)
    {
        await RatingForm.Locator(".mud-rating-item").Nth(stars - 1).ClickAsync();
        await RatingForm.GetByLabel("Comment (optional)").FillAsync(comment);
        await RatingForm.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your rating" })).ToBeVisibleAsync();
    }
}

/// <summary>"/agent/tickets" and "/agent/tickets/{reference}": the ticket desk.</summary>
public sealed class DeskPages(IPage page)
{
    public CaseTimelinePart Timeline => new(page);

    public ILocator Owner => page.Locator("[data-testid=case-owner]");

    public ILocator Status => page.Locator("[data-testid=case-status]").First;

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task OpenListAsync()
    {
        await page.GotoAsync("/agent/tickets");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ticket desk", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task OpenCaseAsync(string reference)
    {
        await page.GotoAsync("/agent/tickets/" + reference);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^" + Regex.Escape(reference)), Level = 1 })).ToBeVisibleAsync();
    }

    public async Task ReplyAsync(string text)
    {
        await page.GetByLabel("Your message").FillAsync(text);
        await Button("Send reply").ClickAsync();
        await Expect(Timeline.Item(text)).ToBeVisibleAsync();
    }

    /// <summary>Clicks an action whose dialog asks for one text, fills it and confirms.</summary>
    public async Task ActWithTextAsync(string action, string label, string text, string? confirm = null)
    {
        await Button(action).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel(label).FillAsync(text);
        await dialog.GetByRole(AriaRole.Button, new() { Name = confirm ?? action, Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }
}
