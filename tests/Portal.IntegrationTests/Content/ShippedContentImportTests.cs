using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Content;

namespace Portal.IntegrationTests.Content;

public sealed class ShippedContentImportTests(ContentApp app) : IClassFixture<ContentApp>, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-content-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_start_up_import_loaded_every_shipped_file()
    {
        var counts = await app.WithDbAsync(db => db.Set<ContentItem>().Where(i => i.ImportedHash != null)
            .GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

        Assert.True(counts[ContentKind.Article] >= 30);
        Assert.True(counts[ContentKind.Faq] >= 80);
        Assert.True(counts[ContentKind.Announcement] >= 2);
    }

    [Fact]
    public async Task A_changed_file_updates_untouched_items_and_never_overwrites_an_editor()
    {
        var importer = app.Services.GetRequiredService<ShippedContentImporter>();
        Write("untouched-topic", "Untouched v1");
        Write("edited-topic", "Edited v1");
        var first = await importer.ImportAsync(_root, CancellationToken.None);
        Assert.Equal(2, first.Inserted);

        var again = await importer.ImportAsync(_root, CancellationToken.None);
        Assert.Equal((0, 0, 2), (again.Inserted, again.Updated, again.Unchanged));

        var editor = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var edited = await app.WithDbAsync(db => db.Set<ContentItem>().SingleAsync(i => i.Slug == "edited-topic"));
        var draft = ContentDraft.From(edited);
        draft.Body = "The editor's own words.";
        await app.WorkspaceAsync(w => w.SaveDraftAsync(editor, edited.Id, edited.ConcurrencyStamp, draft));

        Write("untouched-topic", "Untouched v2");
        Write("edited-topic", "Edited v2");
        var report = await importer.ImportAsync(_root, CancellationToken.None);

        Assert.Equal(1, report.Updated);
        Assert.Equal([new ImportConflict(ContentKind.Faq, "en", "edited-topic")], report.Conflicts);
        var items = await app.WithDbAsync(db => db.Set<ContentItem>().Where(i => i.Slug == "untouched-topic" || i.Slug == "edited-topic").ToDictionaryAsync(i => i.Slug));
        Assert.Equal("Untouched v2", items["untouched-topic"].Title);
        Assert.Equal("The editor's own words.", items["edited-topic"].Body);
        Assert.NotNull(items["edited-topic"].ImportConflictHash);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_editor_settles_a_conflict_by_keeping_their_text_or_taking_the_file(bool takeShipped)
    {
        var slug = takeShipped ? "account-locked" : "forgot-password";
        var editor = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var item = await app.WithDbAsync(db => db.Set<ContentItem>().SingleAsync(i => i.Kind == ContentKind.Faq && i.Slug == slug && i.Language == "en"));
        var fileBody = item.Body;
        var draft = ContentDraft.From(item);
        draft.Body = "The editor's own answer.";
        var stamp = await app.WorkspaceAsync(w => w.SaveDraftAsync(editor, item.Id, item.ConcurrencyStamp, draft));
        // As if the file had changed after the editor's edit: the import flagged it.
        await app.WithDbAsync(db => db.Set<ContentItem>().Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.ImportedHash, "hash-of-an-older-file")
            .SetProperty(i => i.ImportConflictHash, item.ImportedHash)));

        await app.WorkspaceAsync(w => w.ResolveConflictAsync(editor, item.Id, stamp, takeShipped));

        var settled = (await app.WorkspaceAsync(w => w.GetAsync(item.Id)))!;
        Assert.Null(settled.ImportConflictHash);
        Assert.Equal(ContentStatus.Draft, settled.Status);
        Assert.Equal(takeShipped ? fileBody : "The editor's own answer.", settled.Body);
        var next = await app.Services.GetRequiredService<ShippedContentImporter>().ImportAsync(CancellationToken.None);
        Assert.DoesNotContain(next.Conflicts, c => c.Slug == slug);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void Write(string slug, string title)
    {
        var folder = Path.Combine(_root, "faq", "en");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, slug + ".md"), $"---\ntitle: \"{title}\"\nsummary: \"S\"\ncategory: fees\ntags: [test]\naudience: all-investors\norder: 1\n---\n\nBody of {title}.\n");
    }
}
