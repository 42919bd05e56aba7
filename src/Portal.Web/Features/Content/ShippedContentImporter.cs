using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Features.Content;

public sealed record ImportConflict(ContentKind Kind, string Language, string Slug);

public sealed record ImportReport(int Inserted, int Updated, int Unchanged, IReadOnlyList<ImportConflict> Conflicts, IReadOnlyList<string> Errors);

/// <summary>
/// Loads the Markdown shipped in <c>content/</c> into the database on every start. Idempotent:
/// an unchanged file does nothing; see <see cref="ShippedContentRules"/> for changed ones.
/// </summary>
public sealed partial class ShippedContentImporter(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<ContentOptions> options,
    TimeProvider clock,
    PublishedContent published,
    ILogger<ShippedContentImporter> logger)
{
    public const string ImportedBy = "content/";

    public Task<ImportReport> ImportAsync(CancellationToken cancellationToken) =>
        ImportAsync(options.Value.ShippedContentPath, cancellationToken);

    public async Task<ImportReport> ImportAsync(string root, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var files = new List<ShippedFile>();
        if (!Directory.Exists(root))
        {
            LogNoFolder(root);
            return new ImportReport(0, 0, 0, [], []);
        }

        foreach (var path in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts.Length != 3)
            {
                continue; // README.md and other notes beside the content folders
            }

            try
            {
                var text = await File.ReadAllTextAsync(path, cancellationToken);
                files.Add(FrontMatterParser.ParseFile(parts[0], parts[1], parts[2], text));
            }
            catch (FormatException ex)
            {
                errors.Add($"{relative}: {ex.Message}");
                LogInvalidFile(relative, ex.Message);
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<ContentItem>().ToDictionaryAsync(i => (i.Kind, i.Slug, i.Language), cancellationToken);
        var now = clock.GetUtcNow();
        int inserted = 0, updated = 0, unchanged = 0;
        var conflicts = new List<ImportConflict>();
        foreach (var file in files)
        {
            existing.TryGetValue((file.Kind, file.Slug, file.Language), out var item);
            switch (ShippedContentRules.Decide(item, file.Hash))
            {
                case ImportDecision.Insert:
                    item = new ContentItem { Kind = file.Kind, Slug = file.Slug, Language = file.Language, CreatedAt = now, AuthorName = ImportedBy };
                    Apply(file, item, now);
                    db.Add(item);
                    db.Add(ContentVersions.Snapshot(item, ContentVersions.Imported, ImportedBy, now));
                    inserted++;
                    break;
                case ImportDecision.Update:
                    Apply(file, item!, now);
                    db.Add(ContentVersions.Snapshot(item!, ContentVersions.Imported, ImportedBy, now));
                    updated++;
                    break;
                case ImportDecision.Conflict:
                    conflicts.Add(new ImportConflict(file.Kind, file.Language, file.Slug));
                    LogConflict(file.Kind, file.Language, file.Slug);
                    if (item!.ImportConflictHash != file.Hash)
                    {
                        item.ImportConflictHash = file.Hash;
                        item.ImportConflictAt = now;
                    }

                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await published.ChangedAsync(cancellationToken);
        LogImported(inserted, updated, unchanged, conflicts.Count, errors.Count);
        return new ImportReport(inserted, updated, unchanged, conflicts, errors);
    }

    /// <summary>The shipped file behind an item, as it is on disk now; null when there is none.</summary>
    public async Task<ShippedFile?> ReadAsync(ContentKind kind, string language, string slug, CancellationToken cancellationToken)
    {
        var folder = kind switch
        {
            ContentKind.Article => "articles",
            ContentKind.Faq => "faq",
            _ => "announcements",
        };
        var path = Path.Combine(options.Value.ShippedContentPath, folder, language, slug + ".md");
        if (!ContentSlugs.IsValid(slug) || !ContentLanguages.All.Contains(language) || !File.Exists(path))
        {
            return null;
        }

        return FrontMatterParser.ParseFile(folder, language, slug + ".md", await File.ReadAllTextAsync(path, cancellationToken));
    }

    private static void Apply(ShippedFile file, ContentItem item, DateTimeOffset now)
    {
        var frontMatter = file.FrontMatter;
        item.Title = frontMatter.Title.Trim();
        item.Summary = frontMatter.Summary.Trim();
        item.Category = frontMatter.Category.Trim().ToLowerInvariant();
        item.Tags = string.Join(',', frontMatter.Tags);
        item.Audience = file.Audience;
        item.Body = file.Body;
        item.SortOrder = frontMatter.Path ?? frontMatter.Order;
        item.IsInLearningPath = file.Kind == ContentKind.Article && frontMatter.Path is not null;
        item.PublishAt = file.PublishAt;
        if (item.Status is not ContentStatus.Unpublished)
        {
            var due = file.PublishAt is null || file.PublishAt <= now;
            item.Status = due ? ContentStatus.Published : ContentStatus.Scheduled;
            item.PublishedAt = due ? file.PublishAt ?? now : null;
        }

        item.ImportedHash = file.Hash;
        item.EditedSinceImport = false;
        item.ImportConflictHash = null;
        item.ImportConflictAt = null;
        item.UpdatedAt = now;
        item.CurrentVersion++;
        item.ConcurrencyStamp = Guid.NewGuid();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipped content folder {Root} not found; nothing imported.")]
    private partial void LogNoFolder(string root);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shipped content file {File} skipped: {Reason}")]
    private partial void LogInvalidFile(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipped content conflict: {Kind} {Language}/{Slug} changed in content/ but an editor changed it in the portal since; the editor's version is kept.")]
    private partial void LogConflict(ContentKind kind, string language, string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipped content imported: {Inserted} new, {Updated} updated, {Unchanged} unchanged, {Conflicts} conflicts, {Errors} invalid files.")]
    private partial void LogImported(int inserted, int updated, int unchanged, int conflicts, int errors);
}

public static class ContentVersions
{
    public const string Imported = "Imported";
    public const string Created = "Created";
    public const string Saved = "Saved";
    public const string Submitted = "Submitted";
    public const string Approved = "Approved";
    public const string SentBack = "SentBack";
    public const string Published = "Published";
    public const string Unpublished = "Unpublished";
    public const string Restored = "Restored";
    public const string KeptOverShipped = "KeptOverShipped";
    public const string TookShipped = "TookShipped";

    /// <summary>The actions that change an item's text: whoever did one of them since the last approval wrote the version under review.</summary>
    public static readonly IReadOnlySet<string> TextChanges = new HashSet<string>(StringComparer.Ordinal) { Created, Saved, Restored, TookShipped };

    /// <summary>The actions after which the text is public as it stands: approved by a reviewer, or shipped with the portal.</summary>
    public static readonly IReadOnlySet<string> Settled = new HashSet<string>(StringComparer.Ordinal) { Imported, Approved };

    public static ContentVersion Snapshot(ContentItem item, string action, string changedBy, DateTimeOffset at, string? changedById = null) => new()
    {
        ContentItemId = item.Id,
        Number = item.CurrentVersion,
        Title = item.Title,
        Summary = item.Summary,
        Category = item.Category,
        Tags = item.Tags,
        Audience = item.Audience,
        Body = item.Body,
        Status = item.Status,
        Action = action,
        ChangedBy = changedBy,
        ChangedById = changedById,
        ChangedAt = at,
    };
}
