using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

public sealed class ContentWorkflowTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task AnEditorWritesADraftASecondEditorApprovesItAndAVisitorFindsItBySearch()
    {
        var slug = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        const string title = "Quokka funds for careful savers";

        // The editor writes the article and watches the preview follow the Markdown.
        await new LoginPage(Page).OpenAsync();
        await new LoginPage(Page).SignInAsync("editor@portal.demo");
        var editor = await new ContentEditorPage(Page).OpenNewArticleAsync();
        await editor.Slug.FillAsync(slug);
        await editor.Title.FillAsync(title);
        await editor.Category.FillAsync("basics");
        await editor.Summary.FillAsync("How a quokka fund spreads its risk.");
        await editor.Body.FillAsync("## Spreading the risk\n\nA quokka fund holds **many** small positions.\n\n<script>alert('x')</script>");
        await Expect(editor.Preview.GetByRole(AriaRole.Heading, new() { Name = "Spreading the risk" })).ToBeVisibleAsync();
        await Expect(editor.Preview.Locator("script")).ToHaveCountAsync(0);
        await editor.SaveDraft.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/editor/items/", StringComparison.Ordinal));
        await Expect(editor.Status("Draft")).ToBeVisibleAsync();
        await editor.SubmitForReview.ClickAsync();
        await Expect(editor.Status("In review")).ToBeVisibleAsync();

        // The author may not approve it.
        var ownQueue = await new ReviewPage(Page).OpenAsync();
        await ownQueue.Item(title).ClickAsync();
        await Expect(ownQueue.OwnWorkNotice).ToBeVisibleAsync();
        await Expect(ownQueue.ApproveNow).ToHaveCountAsync(0);

        // A second editor approves it.
        await using var reviewerContext = await App.NewContextAsync(Desktop);
        var reviewerPage = await reviewerContext.NewPageAsync();
        await new LoginPage(reviewerPage).OpenAsync();
        await new LoginPage(reviewerPage).SignInAsync("editor2@portal.demo");
        var review = await new ReviewPage(reviewerPage).OpenAsync();
        await review.Item(title).ClickAsync();
        await new ShellPage(reviewerPage).WaitUntilInteractiveAsync();
        await review.ApproveNow.ClickAsync();
        await reviewerPage.WaitForURLAsync(url => new Uri(url).AbsolutePath == ReviewPage.Path);
        await Expect(review.Item(title)).ToHaveCountAsync(0);

        // An anonymous visitor finds it with the app bar's search and reads it.
        await using var visitorContext = await App.NewContextAsync(Desktop);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/");
        await new ShellPage(visitor).WaitUntilInteractiveAsync();
        var search = new SearchPage(visitor);
        await search.SearchFromTheAppBarAsync("quokka");
        await search.Result(title).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Uri(App.BaseAddress, "/learn/" + slug).ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Spreading the risk" })).ToBeVisibleAsync();
        await Expect(visitor.Locator("article script")).ToHaveCountAsync(0);
    }
}
