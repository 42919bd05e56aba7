using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Notifications;
using Portal.Web.Resources;

namespace Portal.Web.Features.Content;

/// <summary>The editable fields of an item, as the editor form holds them.</summary>
public sealed class ContentDraft
{
    public ContentKind Kind { get; set; } = ContentKind.Article;

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Slug { get; set; } = "";

    public string Language { get; set; } = ContentLanguages.English;

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.Required))]
    public string Category { get; set; } = "";

    public string Tags { get; set; } = "";

    public ContentAudience Audience { get; set; }

    public string Body { get; set; } = "";

    public int? SortOrder { get; set; }

    /// <summary>The column limits; the form enforces them too, the service refuses anything longer.</summary>
    public bool FitsLimits() =>
        Slug.Length <= 120 && Title.Length <= 200 && Summary.Length <= 600 && Category.Length <= 60 && Tags.Length <= 400;

    public static ContentDraft From(ContentItem i) => new()
    {
        Kind = i.Kind,
        Slug = i.Slug,
        Language = i.Language,
        Title = i.Title,
        Summary = i.Summary,
        Category = i.Category,
        Tags = i.Tags,
        Audience = i.Audience,
        Body = i.Body,
        SortOrder = i.SortOrder,
    };
}

public sealed record EditorFilter(ContentKind? Kind = null, string? Language = null, ContentStatus? Status = null, string? Text = null, bool ConflictsOnly = false);

public sealed record EditorRow(
    Guid Id, ContentKind Kind, string Slug, string Language, string Title, string Category, ContentStatus Status,
    string? AuthorId, string AuthorName, DateTimeOffset UpdatedAt, DateTimeOffset? PublishAt, bool HasConflict, int Version);

public sealed record VersionRow(int Number, string Action, string ChangedBy, DateTimeOffset ChangedAt, ContentStatus Status, string Title);

/// <summary>
/// The editors' workflow: drafts, review by a different editor or a supervisor, scheduled
/// publishing, unpublishing, version history and restore. Every rule is enforced here, not in the UI.
/// </summary>
public sealed class ContentWorkspace(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ContentOptions> options,
    ShippedContentImporter shipped,
    AuditTrail audit,
    NotificationOutbox outbox,
    PublishedContent published)
{
    private static readonly Actor Scheduler = Actor.System("scheduled publishing");

    public async Task<IReadOnlyList<EditorRow>> ListAsync(EditorFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<ContentItem>().AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.Language))
        {
            query = query.Where(i => i.Language == filter.Language);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.ConflictsOnly)
        {
            query = query.Where(i => i.ImportConflictHash != null);
        }

        var rows = await query
            .Select(i => new EditorRow(i.Id, i.Kind, i.Slug, i.Language, i.Title, i.Category, i.Status, i.AuthorId, i.AuthorName,
                i.UpdatedAt, i.PublishAt, i.ImportConflictHash != null, i.CurrentVersion))
            .ToListAsync(cancellationToken);
        var text = filter.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            rows = rows.Where(r => r.Title.Contains(text, StringComparison.CurrentCultureIgnoreCase)
                || r.Slug.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        return rows.OrderByDescending(r => r.UpdatedAt).ToList();
    }

    public async Task<ContentItem?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The other language version of an item (same kind and slug), if one exists.</summary>
    public async Task<Guid?> FindTranslationAsync(ContentKind kind, string slug, string language, CancellationToken cancellationToken = default)
    {
        var other = ContentLanguages.Other(language);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ContentItem>().AsNoTracking()
            .Where(i => i.Kind == kind && i.Slug == slug && i.Language == other)
            .Select(i => (Guid?)i.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(ContentActor actor, ContentDraft draft, CancellationToken cancellationToken = default)
    {
        RequireEditor(actor);
        if (!ContentSlugs.IsValid(draft.Slug))
        {
            throw new ContentWorkflowException(ContentWorkflowRules.SlugInvalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<ContentItem>().AnyAsync(i => i.Kind == draft.Kind && i.Slug == draft.Slug && i.Language == draft.Language, cancellationToken))
        {
            throw new ContentWorkflowException(ContentWorkflowRules.SlugTaken);
        }

        var now = clock.GetUtcNow();
        var item = new ContentItem
        {
            Kind = draft.Kind,
            Slug = draft.Slug,
            Language = draft.Language,
            Status = ContentStatus.Draft,
            CreatedAt = now,
            CurrentVersion = 1,
        };
        ApplyDraft(item, draft, actor, now);
        db.Add(item);
        db.Add(ContentVersions.Snapshot(item, ContentVersions.Created, actor.Name, now, actor.UserId));
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    /// <summary>Saves the editor's text as a draft. A published item leaves the public pages until approved again.</summary>
    public Task<Guid> SaveDraftAsync(ContentActor actor, Guid id, Guid stamp, ContentDraft draft, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, stamp, ContentVersions.Saved, actor, (item, now) =>
            SaveAsDraft(item, draft, actor, now), cancellationToken);

    public Task<Guid> SubmitAsync(ContentActor actor, Guid id, Guid stamp, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, stamp, ContentVersions.Submitted, actor, (item, _) =>
        {
            Refuse(ContentWorkflowRules.SubmitRefusal(item, actor));
            item.Status = ContentStatus.InReview;
            item.ReviewComment = null;
        }, cancellationToken);

    /// <summary>Why <paramref name="actor"/> may not approve or send back <paramref name="item"/>; null when they may.</summary>
    public async Task<string?> ApprovalRefusalAsync(ContentActor actor, ContentItem item, CancellationToken cancellationToken = default) =>
        ContentWorkflowRules.ApprovalRefusal(item, actor, await EditorsUnderReviewAsync(item.Id, cancellationToken));

    // The editors are read before the change; a version added since then changes the stamp, so the change is refused as stale.
    public async Task<Guid> ApproveAsync(ContentActor actor, Guid id, Guid stamp, DateTimeOffset? publishAt, CancellationToken cancellationToken = default)
    {
        var editors = await EditorsUnderReviewAsync(id, cancellationToken);
        return await ChangeAsync(id, stamp, ContentVersions.Approved, actor, (item, now) =>
        {
            Refuse(ContentWorkflowRules.ApprovalRefusal(item, actor, editors));
            item.ApproverId = actor.UserId;
            item.ApproverName = actor.Name;
            item.ReviewComment = null;
            item.PublishAt = publishAt?.ToUniversalTime(); // PostgreSQL stores UTC only
            item.Status = ContentWorkflowRules.StatusAfterApproval(publishAt, now);
            if (item.Status == ContentStatus.Published)
            {
                item.PublishedAt = now;
            }
        }, cancellationToken, (db, item) =>
        {
            var published = item.Status == ContentStatus.Published;
            audit.Add(db, actor.AsActor(), AuditActions.ContentApproved, Subject(item), published
                ? Describe(item) + ", published at once"
                : string.Create(CultureInfo.InvariantCulture, $"{Describe(item)}, to be published {item.PublishAt:O}"));
            if (published)
            {
                audit.Add(db, actor.AsActor(), AuditActions.ContentPublished, Subject(item), Describe(item));
                AnnounceToInvestors(db, item);
            }
        });
    }

    public async Task<Guid> SendBackAsync(ContentActor actor, Guid id, Guid stamp, string comment, CancellationToken cancellationToken = default)
    {
        var editors = await EditorsUnderReviewAsync(id, cancellationToken);
        return await ChangeAsync(id, stamp, ContentVersions.SentBack, actor, (item, _) =>
        {
            Refuse(ContentWorkflowRules.ApprovalRefusal(item, actor, editors));
            if (string.IsNullOrWhiteSpace(comment))
            {
                throw new ContentWorkflowException(ContentWorkflowRules.CommentRequired);
            }

            item.Status = ContentStatus.Draft;
            item.ReviewComment = comment.Trim();
        }, cancellationToken);
    }

    public Task<Guid> UnpublishAsync(ContentActor actor, Guid id, Guid stamp, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, stamp, ContentVersions.Unpublished, actor, (item, _) =>
        {
            Refuse(ContentWorkflowRules.UnpublishRefusal(item, actor));
            item.Status = ContentStatus.Unpublished;
            item.EditedSinceImport = true;
        }, cancellationToken, (db, item) => audit.Add(db, actor.AsActor(), AuditActions.ContentUnpublished, Subject(item), Describe(item)));

    /// <summary>Brings back an earlier version's text as a new draft (history is never rewritten).</summary>
    public async Task<Guid> RestoreAsync(ContentActor actor, Guid id, Guid stamp, int number, CancellationToken cancellationToken = default)
    {
        var version = await VersionAsync(id, number, cancellationToken)
            ?? throw new ContentWorkflowException(ContentWorkflowRules.NotFound);
        return await ChangeAsync(id, stamp, ContentVersions.Restored, actor, (item, now) =>
        {
            var draft = ContentDraft.From(item);
            draft.Title = version.Title;
            draft.Summary = version.Summary;
            draft.Category = version.Category;
            draft.Tags = version.Tags;
            draft.Audience = version.Audience;
            draft.Body = version.Body;
            SaveAsDraft(item, draft, actor, now);
        }, cancellationToken);
    }

    /// <summary>
    /// Settles an import conflict. Either way the current file counts as imported, so the next start does not
    /// report it again; taking the file makes its text a new draft that goes through review like any edit.
    /// </summary>
    public async Task<Guid> ResolveConflictAsync(ContentActor actor, Guid id, Guid stamp, bool takeShipped, CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(id, cancellationToken) ?? throw new ContentWorkflowException(ContentWorkflowRules.NotFound);
        var file = await shipped.ReadAsync(item.Kind, item.Language, item.Slug, cancellationToken)
            ?? throw new ContentWorkflowException(ContentWorkflowRules.NotFound);
        return await ChangeAsync(id, stamp, takeShipped ? ContentVersions.TookShipped : ContentVersions.KeptOverShipped, actor, (current, now) =>
        {
            Refuse(ContentWorkflowRules.EditRefusal(current, actor));
            if (takeShipped)
            {
                var draft = ContentDraft.From(current);
                draft.Title = file.FrontMatter.Title;
                draft.Summary = file.FrontMatter.Summary;
                draft.Category = file.FrontMatter.Category;
                draft.Tags = string.Join(',', file.FrontMatter.Tags);
                draft.Audience = file.Audience;
                draft.Body = file.Body;
                SaveAsDraft(current, draft, actor, now);
            }

            current.ImportedHash = file.Hash;
            current.ImportConflictHash = null;
            current.ImportConflictAt = null;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ContentVersion>().AsNoTracking().Where(v => v.ContentItemId == id)
            .Select(v => new VersionRow(v.Number, v.Action, v.ChangedBy, v.ChangedAt, v.Status, v.Title))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(v => v.Number).ToList();
    }

    public async Task<ContentVersion?> VersionAsync(Guid id, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ContentVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == number, cancellationToken);
    }

    /// <summary>Publishes approved items whose time has come. Returns how many.</summary>
    /// <summary>A newly published announcement goes to the investors who read the portal in its language (with the publication).</summary>
    private void AnnounceToInvestors(PortalDbContext db, ContentItem item)
    {
        if (item.Kind == ContentKind.Announcement)
        {
            outbox.AddToInvestors(db, item.Language, NotificationTopic.Announcements, "announcement-published",
                new Dictionary<string, string> { ["title"] = item.Title, ["summary"] = item.Summary }, $"/announcements#{item.Slug}");
        }
    }

    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Set<ContentItem>()
            .Where(i => i.Status == ContentStatus.Scheduled && i.PublishAt <= now)
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            item.Status = ContentStatus.Published;
            item.PublishedAt = item.PublishAt ?? now;
            item.CurrentVersion++;
            item.ConcurrencyStamp = Guid.NewGuid();
            db.Add(ContentVersions.Snapshot(item, ContentVersions.Published, item.ApproverName ?? ShippedContentImporter.ImportedBy, now, item.ApproverId));
            audit.Add(db, Scheduler, AuditActions.ContentPublished, Subject(item), Describe(item));
            AnnounceToInvestors(db, item);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An editor changed one of them meanwhile; the next round looks again.
            return 0;
        }

        if (due.Count > 0)
        {
            await published.ChangedAsync(cancellationToken);
        }

        return due.Count;
    }

    /// <summary>Stores an image in the media store and returns its URL. The type comes from the bytes.</summary>
    public async Task<string> UploadImageAsync(ContentActor actor, string fileName, byte[] data, CancellationToken cancellationToken = default)
    {
        RequireEditor(actor);
        if (data.Length == 0 || data.Length > options.Value.MaxImageBytes)
        {
            throw new ContentWorkflowException("Error.ImageTooLarge");
        }

        var type = ImageSniffer.Detect(data) ?? throw new ContentWorkflowException("Error.ImageType");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var asset = new MediaAsset
        {
            FileName = Path.GetFileName(fileName),
            ContentType = type,
            Data = data,
            UploadedBy = actor.Name,
            UploadedAt = clock.GetUtcNow(),
        };
        db.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return ContentRenderer.MediaPrefix + asset.Id.ToString("N");
    }

    public async Task<MediaAsset?> FindMediaAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<MediaAsset>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    private async Task<IReadOnlySet<string>> EditorsUnderReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var steps = await db.Set<ContentVersion>().AsNoTracking().Where(v => v.ContentItemId == id)
            .Select(v => new ContentVersionStep(v.Number, v.Action, v.ChangedById))
            .ToListAsync(cancellationToken);
        return ContentWorkflowRules.EditorsUnderReview(steps);
    }

    private async Task<Guid> ChangeAsync(
        Guid id, Guid stamp, string action, ContentActor actor, Action<ContentItem, DateTimeOffset> change,
        CancellationToken cancellationToken, Action<PortalDbContext, ContentItem>? record = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.Set<ContentItem>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new ContentWorkflowException(ContentWorkflowRules.NotFound);
        if (item.ConcurrencyStamp != stamp)
        {
            throw new ContentWorkflowException(ContentWorkflowRules.Stale);
        }

        var now = clock.GetUtcNow();
        change(item, now);
        item.CurrentVersion++;
        item.UpdatedAt = now;
        item.ConcurrencyStamp = Guid.NewGuid();
        db.Add(ContentVersions.Snapshot(item, action, actor.Name, now, actor.UserId));
        record?.Invoke(db, item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ContentWorkflowException(ContentWorkflowRules.Stale);
        }
        catch (DbUpdateException)
        {
            // Two saves raced for the same next version number: the loser is stale.
            throw new ContentWorkflowException(ContentWorkflowRules.Stale);
        }

        await published.ChangedAsync(cancellationToken);
        return item.ConcurrencyStamp;
    }

    private static string Subject(ContentItem item) => $"content:{item.Id}";

    private static string Describe(ContentItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.Kind} {item.Language}/{item.Slug} version {item.CurrentVersion}");

    /// <summary>An editor's change always becomes a draft again: nothing unreviewed reaches readers.</summary>
    private static void SaveAsDraft(ContentItem item, ContentDraft draft, ContentActor actor, DateTimeOffset now)
    {
        Refuse(ContentWorkflowRules.EditRefusal(item, actor));
        ApplyDraft(item, draft, actor, now);
        item.Status = ContentStatus.Draft;
    }

    private static void ApplyDraft(ContentItem item, ContentDraft draft, ContentActor actor, DateTimeOffset now)
    {
        if (!draft.FitsLimits() || string.IsNullOrWhiteSpace(draft.Title) || string.IsNullOrWhiteSpace(draft.Category))
        {
            throw new ContentWorkflowException(ContentWorkflowRules.Incomplete);
        }

        item.Title = draft.Title.Trim();
        item.Summary = draft.Summary.Trim();
        item.Category = draft.Category.Trim().ToLowerInvariant();
        item.Tags = string.Join(',', draft.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()));
        item.Audience = draft.Audience;
        item.Body = draft.Body;
        item.SortOrder = draft.SortOrder;
        item.AuthorId = actor.UserId;
        item.AuthorName = actor.Name;
        item.EditedSinceImport = true;
        item.UpdatedAt = now;
    }

    private static void RequireEditor(ContentActor actor)
    {
        if (!actor.IsEditor)
        {
            throw new ContentWorkflowException(ContentWorkflowRules.NotAllowed);
        }
    }

    private static void Refuse(string? refusal)
    {
        if (refusal is not null)
        {
            throw new ContentWorkflowException(refusal);
        }
    }
}
