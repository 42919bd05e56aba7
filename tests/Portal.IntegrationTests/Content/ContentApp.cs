using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Content;

namespace Portal.IntegrationTests.Content;

/// <summary>The portal with a scheduler that looks for due items every second, plus content helpers.</summary>
public sealed class ContentApp : PortalApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Content:PublishCheckInterval", "00:00:01");
    }

    /// <summary>The workflow as a demo user acts in it (roles from the demo accounts).</summary>
    public async Task<ContentActor> ActorAsync(string email, bool isEditor, bool isSupervisor = false)
    {
        var id = await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new ContentActor(id, email, isEditor, isSupervisor);
    }

    public async Task<T> WorkspaceAsync<T>(Func<ContentWorkspace, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ContentWorkspace>());
    }

    /// <summary>A new article draft by <paramref name="author"/>, submitted for review; returns its id and stamp.</summary>
    public Task<(Guid Id, Guid Stamp)> SubmittedArticleAsync(ContentActor author, string slug, string title, string body) =>
        WorkspaceAsync(async workspace =>
        {
            var id = await workspace.CreateAsync(author, new ContentDraft
            {
                Kind = ContentKind.Article,
                Slug = slug,
                Language = ContentLanguages.English,
                Title = title,
                Summary = title + " in brief.",
                Category = "basics",
                Body = body,
            });
            var item = await workspace.GetAsync(id);
            var stamp = await workspace.SubmitAsync(author, id, item!.ConcurrencyStamp);
            return (id, stamp);
        });
}
