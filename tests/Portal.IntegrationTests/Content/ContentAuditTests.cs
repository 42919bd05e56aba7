using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Content;

namespace Portal.IntegrationTests.Content;

/// <summary>What reaches readers is on the audit trail: who approved, published and unpublished which item.</summary>
public sealed class ContentAuditTests(ContentApp app) : IClassFixture<ContentApp>
{
    [Fact]
    public async Task Approving_publishing_and_unpublishing_are_on_the_audit_trail_with_who_did_it()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, isEditor: false, isSupervisor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(author, "audited-article", "An audited article", "Body.");

        var published = await app.WorkspaceAsync(w => w.ApproveAsync(supervisor, id, stamp, null));
        await app.WorkspaceAsync(w => w.UnpublishAsync(supervisor, id, published));

        var subject = $"content:{id}";
        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorUserId, e.ActorName }).ToListAsync());
        Assert.Equal([AuditActions.ContentApproved, AuditActions.ContentPublished, AuditActions.ContentUnpublished], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(supervisor.UserId, r.ActorUserId));
        Assert.All(rows, r => Assert.Equal(supervisor.Name, r.ActorName));
    }

    [Fact]
    public async Task Scheduled_publishing_is_on_the_audit_trail_as_the_portal_itself()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var reviewer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(author, "audited-schedule", "An audited schedule", "Body.");

        await app.WorkspaceAsync(w => w.ApproveAsync(reviewer, id, stamp, DateTimeOffset.UtcNow.AddSeconds(2)));

        var subject = $"content:{id}";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<AuditEntry> rows;
        do
        {
            await Task.Delay(500);
            rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync());
        }
        while (rows.Count < 2 && DateTime.UtcNow < deadline);

        Assert.Equal([AuditActions.ContentApproved, AuditActions.ContentPublished], rows.Select(r => r.Action));
        Assert.Equal(reviewer.UserId, rows[0].ActorUserId);
        Assert.Null(rows[1].ActorUserId);
        Assert.Equal("scheduled publishing", rows[1].ActorName);
    }
}
