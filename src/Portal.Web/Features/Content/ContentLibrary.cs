using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Features.Content;

public sealed record ContentCard(
    Guid Id,
    ContentKind Kind,
    string Slug,
    string Language,
    string Title,
    string Summary,
    string Category,
    IReadOnlyList<string> Tags,
    ContentAudience Audience,
    int? SortOrder,
    bool IsInLearningPath,
    DateTimeOffset? PublishedAt)
{
    public string Url => ContentLibrary.UrlOf(Kind, Slug);

    internal static ContentCard From(ContentItem i) =>
        new(i.Id, i.Kind, i.Slug, i.Language, i.Title, i.Summary, i.Category, i.TagList, i.Audience, i.SortOrder, i.IsInLearningPath, i.PublishedAt);
}

public sealed record ContentPage(ContentCard Card, string Body, int HelpfulYes, int HelpfulNo);

/// <summary>Published content for readers, in the reader's language with the other language as fallback.</summary>
public sealed class ContentLibrary(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, PublishedContent published)
{
    public static string UrlOf(ContentKind kind, string slug) => kind switch
    {
        ContentKind.Article => $"/learn/{slug}",
        ContentKind.Faq => $"/faq/{slug}",
        _ => $"/announcements#{slug}",
    };

    /// <summary>Every published item of a kind, one per slug, in the reader's language where it exists.</summary>
    public async Task<IReadOnlyList<ContentPage>> ListAsync(ContentKind kind, string language, CancellationToken cancellationToken = default)
    {
        var items = await PublishedAsync(kind, cancellationToken);
        return PreferLanguage(items, language)
            .OrderBy(i => i.SortOrder ?? int.MaxValue).ThenBy(i => i.Title, StringComparer.CurrentCulture)
            .Select(ToPage).ToList();
    }

    public async Task<ContentPage?> FindAsync(ContentKind kind, string slug, string language, CancellationToken cancellationToken = default)
    {
        var items = await PublishedAsync(kind, cancellationToken);
        return PreferLanguage(items.Where(i => i.Slug == slug), language).Select(ToPage).FirstOrDefault();
    }

    /// <summary>The kind's published items (both languages), kept in memory until content changes (see <see cref="PublishedContent"/>).</summary>
    private Task<IReadOnlyList<ContentItem>> PublishedAsync(ContentKind kind, CancellationToken cancellationToken) =>
        published.ItemsAsync(kind, async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            return await db.Set<ContentItem>().AsNoTracking()
                .Where(i => i.Kind == kind && i.Status == ContentStatus.Published)
                .ToListAsync(token);
        }, cancellationToken);

    /// <summary>Up to <paramref name="count"/> articles sharing the category first, then tags.</summary>
    public async Task<IReadOnlyList<ContentCard>> RelatedAsync(ContentCard article, int count, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(article.Kind, article.Language, cancellationToken);
        return all.Select(p => p.Card)
            .Where(c => c.Slug != article.Slug)
            .Select(c => (Card: c, Score: (c.Category == article.Category ? 10 : 0) + c.Tags.Intersect(article.Tags).Count()))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Card.SortOrder ?? int.MaxValue)
            .Take(count).Select(x => x.Card).ToList();
    }

    public async Task<ContentPage?> LatestAnnouncementAsync(string language, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(ContentKind.Announcement, language, cancellationToken);
        return all.OrderByDescending(p => p.Card.PublishedAt).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ContentPage>> AnnouncementsAsync(string language, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(ContentKind.Announcement, language, cancellationToken);
        return all.OrderByDescending(p => p.Card.PublishedAt).ToList();
    }

    /// <summary>Counts a "was this helpful" answer; only published items take votes.</summary>
    public async Task VoteAsync(Guid id, bool helpful, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = db.Set<ContentItem>().Where(i => i.Id == id && i.Status == ContentStatus.Published);
        _ = helpful
            ? await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.HelpfulYes, i => i.HelpfulYes + 1), cancellationToken)
            : await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.HelpfulNo, i => i.HelpfulNo + 1), cancellationToken);
    }

    public async Task<IReadOnlySet<string>> ReadArticlesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slugs = await db.Set<LearningProgress>().AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Slug).ToListAsync(cancellationToken);
        return slugs.ToHashSet(StringComparer.Ordinal);
    }

    public async Task MarkReadAsync(string userId, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<LearningProgress>().AnyAsync(p => p.UserId == userId && p.Slug == slug, cancellationToken))
        {
            return;
        }

        db.Add(new LearningProgress { UserId = userId, Slug = slug, ReadAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same article opened twice at once: the first insert already recorded it.
        }
    }

    internal static IEnumerable<ContentItem> PreferLanguage(IEnumerable<ContentItem> items, string language) =>
        items.GroupBy(i => (i.Kind, i.Slug))
            .Select(g => g.FirstOrDefault(i => i.Language == language) ?? g.First());

    private static ContentPage ToPage(ContentItem i) => new(ContentCard.From(i), i.Body, i.HelpfulYes, i.HelpfulNo);
}
