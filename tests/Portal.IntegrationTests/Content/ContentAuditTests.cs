using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Content;

namespace Portal.IntegrationTests.Content;

/// <summary>What reaches readers is on the audit trail: who approved (and so published) and unpublished which item.</summary>
public sealed class ContentAuditTests(ContentApp app) : IClassFixture<ContentApp>
{
    [Fact]
    public async Task Approving_and_unpublishing_are_on_the_audit_trail_with_who_did_it()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, isEditor: false, isSupervisor: true);
        var (id, stamp) = await app.SubmittedArticleAsync(author, "audited-article", "An audited article", "Body.");

        var published = await app.WorkspaceAsync(w => w.ApproveAsync(supervisor, id, stamp, null));
        await app.WorkspaceAsync(w => w.UnpublishAsync(supervisor, id, published));

        var subject = $"content:{id}";
        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorUserId, e.ActorName }).ToListAsync());
        Assert.Equal([AuditActions.ContentApproved, AuditActions.ContentUnpublished], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(supervisor.UserId, r.ActorUserId));
        Assert.All(rows, r => Assert.Equal(supervisor.Name, r.ActorName));
    }
}
