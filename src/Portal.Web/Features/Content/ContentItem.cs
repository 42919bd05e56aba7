namespace Portal.Web.Features.Content;

/// <summary>What a piece of content is; it decides where it is shown.</summary>
public enum ContentKind
{
    Article,
    Faq,
    Announcement,
}

/// <summary>The editorial workflow. <see cref="Scheduled"/> is approved and waits for its publish-at time.</summary>
public enum ContentStatus
{
    Draft,
    InReview,
    Scheduled,
    Published,
    Unpublished,
}

/// <summary>Who a piece of content is written for.</summary>
public enum ContentAudience
{
    AllInvestors,
    NewInvestors,
    Vip,
}

/// <summary>
/// One language version of an article, FAQ entry or announcement. Translations share
/// <see cref="Kind"/> and <see cref="Slug"/> and differ in <see cref="Language"/>.
/// </summary>
public sealed class ContentItem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public ContentKind Kind { get; set; }

    public string Slug { get; set; } = "";

    /// <summary><c>en</c> or <c>zh-Hans</c>.</summary>
    public string Language { get; set; } = ContentLanguages.English;

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Category { get; set; } = "";

    /// <summary>Comma-separated, lower case.</summary>
    public string Tags { get; set; } = "";

    public ContentAudience Audience { get; set; }

    public string Body { get; set; } = "";

    public ContentStatus Status { get; set; }

    /// <summary>When the item goes (or went) public; null means as soon as it is approved.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Position in the new investor's learning path (articles), or in its FAQ category.</summary>
    public int? SortOrder { get; set; }

    public bool IsInLearningPath { get; set; }

    public string? AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public string? ApproverId { get; set; }

    public string? ApproverName { get; set; }

    /// <summary>The reviewer's comment when an item was sent back.</summary>
    public string? ReviewComment { get; set; }

    public int CurrentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes on every save; a stale editor's save is refused instead of overwriting.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Hash of the shipped file last imported into this item; null for items born in the portal.</summary>
    public string? ImportedHash { get; set; }

    /// <summary>An editor changed the item in the portal after its last import.</summary>
    public bool EditedSinceImport { get; set; }

    /// <summary>Hash of a shipped file that could not be imported because an editor had changed the item.</summary>
    public string? ImportConflictHash { get; set; }

    public DateTimeOffset? ImportConflictAt { get; set; }

    public int HelpfulYes { get; set; }

    public int HelpfulNo { get; set; }

    public IReadOnlyList<string> TagList =>
        Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsPublic => Status == ContentStatus.Published;
}

/// <summary>A saved state of a <see cref="ContentItem"/>; every save and import adds one.</summary>
public sealed class ContentVersion
{
    public long Id { get; set; }

    public Guid ContentItemId { get; set; }

    public int Number { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Category { get; set; } = "";

    public string Tags { get; set; } = "";

    public ContentAudience Audience { get; set; }

    public string Body { get; set; } = "";

    public ContentStatus Status { get; set; }

    /// <summary>What happened: saved, submitted, approved, imported, restored ...</summary>
    public string Action { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    /// <summary>The user id of whoever made the change; null for imports of shipped files (and versions older than the column).</summary>
    public string? ChangedById { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>An uploaded image, served from the portal's own media store at <c>/media/{id}</c>.</summary>
public sealed class MediaAsset
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Data { get; set; } = [];

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An article a signed-in reader has read, for learning-path progress.</summary>
public sealed class LearningProgress
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Slug { get; set; } = "";

    public DateTimeOffset ReadAt { get; set; }
}

public static class ContentLanguages
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    public static readonly IReadOnlyList<string> All = [English, Chinese];

    /// <summary>The content language for a UI culture (zh, zh-CN, zh-Hans → zh-Hans; anything else → en).</summary>
    public static string For(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static string Other(string language) => language == Chinese ? English : Chinese;
}
