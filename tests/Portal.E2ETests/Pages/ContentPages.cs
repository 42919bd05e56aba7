using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>/editor/new and /editor/items/{id}: the editor's form with Markdown on the left and the preview on the right.</summary>
public sealed class ContentEditorPage(IPage page)
{
    public ILocator Slug => page.GetByLabel("Slug (address)");

    public ILocator Title => page.GetByLabel("Title", new() { Exact = true });

    public ILocator Category => page.GetByLabel("Category");

    public ILocator Summary => page.GetByLabel("Summary");

    public ILocator Body => page.GetByLabel("Text (Markdown)");

    public ILocator Preview => page.GetByTestId("markdown-preview");

    public ILocator SaveDraft => page.GetByRole(AriaRole.Button, new() { Name = "Save draft" });

    public ILocator SubmitForReview => page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" });

    public ILocator Status(string status) => page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator("..").GetByText(status, new() { Exact = true });

    public async Task<ContentEditorPage> OpenNewArticleAsync()
    {
        await page.GotoAsync("/editor/new?kind=Article");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        return this;
    }
}

/// <summary>/editor/review and /editor/review/{id}: the queue and one item's approval.</summary>
public sealed class ReviewPage(IPage page)
{
    public const string Path = "/editor/review";

    public ILocator Item(string title) => page.GetByRole(AriaRole.Link, new() { Name = title });

    public ILocator ApproveNow => page.GetByRole(AriaRole.Button, new() { Name = "Approve and publish now" });

    public ILocator OwnWorkNotice => page.GetByText("You wrote or edited this version");

    public async Task<ReviewPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        return this;
    }
}

/// <summary>/faq: questions by topic; each question is a button that opens its answer below it.</summary>
public sealed class FaqPage(IPage page)
{
    public const string Path = "/faq";

    public ILocator Question(string question) => page.GetByRole(AriaRole.Button, new() { Name = question, Exact = true });

    /// <summary>The answer the question's button controls (present only while it is open).</summary>
    public async Task<ILocator> AnswerAsync(string question) =>
        page.Locator("#" + await Question(question).GetAttributeAsync("aria-controls"));

    public async Task<FaqPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        return this;
    }
}

/// <summary>The app bar's search box and the /search results.</summary>
public sealed class SearchPage(IPage page)
{
    public const string Path = "/search";

    public ILocator Box => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Textbox, new() { Name = "Search FAQ and articles" });

    /// <summary>The search page's own box, above its results.</summary>
    public ILocator PageBox => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Textbox, new() { Name = "Search FAQ and articles" });

    public ILocator ResultCount => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public ILocator Result(string title) => page.GetByRole(AriaRole.Heading, new() { Level = 2 }).GetByRole(AriaRole.Link, new() { Name = title });

    public async Task SearchFromTheAppBarAsync(string query)
    {
        await Box.FillAsync(query);
        await Box.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/search");
    }
}
