using System.Net;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Content;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Content;

public sealed class ContentWorkflowTests(ContentApp app) : IClassFixture<ContentApp>
{
    [Fact]
    public async Task The_author_cannot_approve_their_own_article_but_a_second_editor_can()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var reviewer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(author, "four-eyes-check", "Four eyes on every article", "## Why\n\nTwo people read it.");

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.ApproveAsync(author, id, stamp, null)));
        Assert.Equal(ContentWorkflowRules.OwnWork, refused.Code);
        using var anonymous = app.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/learn/four-eyes-check")).StatusCode);

        await app.WorkspaceAsync(w => w.ApproveAsync(reviewer, id, stamp, null));

        using var page = await anonymous.GetAsync("/learn/four-eyes-check");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Four eyes on every article", await page.ReadTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_may_approve_and_other_staff_may_not()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var agent = await app.ActorAsync(DemoUsers.Agent, isEditor: false);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, isEditor: false, isSupervisor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(author, "supervisor-approval", "Approved by a supervisor", "Body.");

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.ApproveAsync(agent, id, stamp, null)));
        Assert.Equal(ContentWorkflowRules.NotAllowed, refused.Code);

        await app.WorkspaceAsync(w => w.ApproveAsync(supervisor, id, stamp, null));
        var item = await app.WorkspaceAsync(w => w.GetAsync(id));
        Assert.Equal(ContentStatus.Published, item!.Status);
        Assert.Equal(supervisor.UserId, item.ApproverId);
    }

    [Fact]
    public async Task A_sent_back_item_returns_to_its_author_with_the_comment()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var reviewer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(author, "sent-back", "Needs another pass", "Body.");

        await app.WorkspaceAsync(w => w.SendBackAsync(reviewer, id, stamp, "Add an example."));

        var item = await app.WorkspaceAsync(w => w.GetAsync(id));
        Assert.Equal(ContentStatus.Draft, item!.Status);
        Assert.Equal("Add an example.", item.ReviewComment);
    }

    [Fact]
    public async Task An_approved_item_with_a_publish_time_appears_only_when_the_time_comes()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var reviewer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(author, "scheduled-article", "Published on schedule", "Body.");
        using var anonymous = app.CreatePortalClient();

        await app.WorkspaceAsync(w => w.ApproveAsync(reviewer, id, stamp, DateTimeOffset.UtcNow.AddSeconds(3)));

        Assert.Equal(ContentStatus.Scheduled, (await app.WorkspaceAsync(w => w.GetAsync(id)))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/learn/scheduled-article")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            await Task.Delay(500);
            using var response = await anonymous.GetAsync("/learn/scheduled-article");
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ContentStatus.Published, (await app.WorkspaceAsync(w => w.GetAsync(id)))!.Status);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_do_not_overwrite_each_other()
    {
        var first = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var second = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var id = await app.WorkspaceAsync(w => w.CreateAsync(first, new ContentDraft
        {
            Kind = ContentKind.Faq, Slug = "concurrent-edit", Title = "Original question", Category = "fees", Body = "Original.",
        }));
        var opened = (await app.WorkspaceAsync(w => w.GetAsync(id)))!;

        await app.WorkspaceAsync(w => w.SaveDraftAsync(first, id, opened.ConcurrencyStamp, Draft(opened, "First editor's answer.")));
        var stale = await Assert.ThrowsAsync<ContentWorkflowException>(() =>
            app.WorkspaceAsync(w => w.SaveDraftAsync(second, id, opened.ConcurrencyStamp, Draft(opened, "Second editor's answer."))));

        Assert.Equal(ContentWorkflowRules.Stale, stale.Code);
        Assert.Equal("First editor's answer.", (await app.WorkspaceAsync(w => w.GetAsync(id)))!.Body);
    }

    [Fact]
    public async Task Versions_are_kept_and_an_earlier_one_can_be_restored()
    {
        var editor = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var id = await app.WorkspaceAsync(w => w.CreateAsync(editor, new ContentDraft
        {
            Kind = ContentKind.Article, Slug = "restore-me", Title = "First title", Category = "basics", Body = "First text.",
        }));
        var created = (await app.WorkspaceAsync(w => w.GetAsync(id)))!;
        var stamp = await app.WorkspaceAsync(w => w.SaveDraftAsync(editor, id, created.ConcurrencyStamp, Draft(created, "Second text.")));

        await app.WorkspaceAsync(w => w.RestoreAsync(editor, id, stamp, number: 1));

        var restored = (await app.WorkspaceAsync(w => w.GetAsync(id)))!;
        Assert.Equal("First text.", restored.Body);
        var versions = await app.WorkspaceAsync(w => w.VersionsAsync(id));
        Assert.Equal([3, 2, 1], versions.Select(v => v.Number));
        Assert.Equal(ContentVersions.Restored, versions[0].Action);
    }

    [Fact]
    public async Task No_one_who_edited_the_version_under_review_may_approve_it()
    {
        var writer = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var fixer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var third = await app.CreateUserAsync(Roles.Editor);
        var thirdEditor = new ContentActor(third.Id, third.Email, IsEditor: true, IsSupervisor: false);
        var id = await app.WorkspaceAsync(w => w.CreateAsync(writer, new ContentDraft
        {
            Kind = ContentKind.Article, Slug = "two-authors", Title = "Written by two", Category = "basics", Body = "Frist draft.",
        }));
        var created = (await app.WorkspaceAsync(w => w.GetAsync(id)))!;
        var fixedTypo = await app.WorkspaceAsync(w => w.SaveDraftAsync(fixer, id, created.ConcurrencyStamp, Draft(created, "First draft.")));
        var stamp = await app.WorkspaceAsync(w => w.SubmitAsync(writer, id, fixedTypo));

        foreach (var editor in new[] { writer, fixer })
        {
            var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.ApproveAsync(editor, id, stamp, null)));
            Assert.Equal(ContentWorkflowRules.OwnWork, refused.Code);
            refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.SendBackAsync(editor, id, stamp, "Looks fine to me.")));
            Assert.Equal(ContentWorkflowRules.OwnWork, refused.Code);
        }

        // The review page tells each of them so and offers no approval.
        var ownWork = app.Text<ContentText>(ContentWorkflowRules.OwnWork);
        var approveNow = app.Text<ContentText>("Review.ApproveNow");
        foreach (var email in new[] { DemoUsers.Editor, DemoUsers.Editor2 })
        {
            using var client = await app.SignedInClientAsync(email);
            var html = await (await client.GetAsync($"/editor/review/{id}")).ReadTextAsync();
            Assert.Contains(ownWork, html, StringComparison.Ordinal);
            Assert.DoesNotContain(approveNow, html, StringComparison.Ordinal);
        }

        using (var thirdClient = await app.SignedInClientAsync(third.Email, third.Password))
        {
            var html = await (await thirdClient.GetAsync($"/editor/review/{id}")).ReadTextAsync();
            Assert.DoesNotContain(ownWork, html, StringComparison.Ordinal);
            Assert.Contains(approveNow, html, StringComparison.Ordinal);
        }

        await app.WorkspaceAsync(w => w.ApproveAsync(thirdEditor, id, stamp, null));
        var approved = (await app.WorkspaceAsync(w => w.GetAsync(id)))!;
        Assert.Equal(ContentStatus.Published, approved.Status);
        Assert.Equal(third.Id, approved.ApproverId);
    }

    [Fact]
    public async Task A_supervisor_may_approve_what_two_editors_wrote()
    {
        var writer = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var fixer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, isEditor: false, isSupervisor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(writer, "two-authors-supervised", "Two authors, one supervisor", "Body.");
        stamp = await app.WorkspaceAsync(w => w.SendBackAsync(fixer, id, stamp, "One word is wrong."));
        var sentBack = (await app.WorkspaceAsync(w => w.GetAsync(id)))!;
        stamp = await app.WorkspaceAsync(w => w.SaveDraftAsync(fixer, id, stamp, Draft(sentBack, "Body, fixed.")));
        stamp = await app.WorkspaceAsync(w => w.SubmitAsync(fixer, id, stamp));

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.ApproveAsync(writer, id, stamp, null)));
        Assert.Equal(ContentWorkflowRules.OwnWork, refused.Code);

        await app.WorkspaceAsync(w => w.ApproveAsync(supervisor, id, stamp, null));
        Assert.Equal(ContentStatus.Published, (await app.WorkspaceAsync(w => w.GetAsync(id)))!.Status);
    }

    [Fact]
    public async Task Who_wrote_an_approved_version_may_approve_a_later_edit_by_someone_else()
    {
        var writer = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var reviewer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(writer, "approved-then-edited", "Approved, then edited", "Body.");
        stamp = await app.WorkspaceAsync(w => w.ApproveAsync(reviewer, id, stamp, null));
        var published = (await app.WorkspaceAsync(w => w.GetAsync(id)))!;
        stamp = await app.WorkspaceAsync(w => w.SaveDraftAsync(reviewer, id, stamp, Draft(published, "Body, updated.")));
        stamp = await app.WorkspaceAsync(w => w.SubmitAsync(reviewer, id, stamp));

        await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.ApproveAsync(reviewer, id, stamp, null)));
        await app.WorkspaceAsync(w => w.ApproveAsync(writer, id, stamp, null));

        Assert.Equal("Body, updated.", (await app.WorkspaceAsync(w => w.GetAsync(id)))!.Body);
    }

    private static ContentDraft Draft(ContentItem item, string body)
    {
        var draft = ContentDraft.From(item);
        draft.Body = body;
        return draft;
    }
}
