using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Notifications.Outbox;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// How every feature sends a notification: <see cref="Add"/> puts it into the caller's context, so it is saved (or not)
/// with the change it tells about; the dispatcher delivers it afterwards.
/// </summary>
public sealed partial class NotificationOutbox(TimeProvider clock, NotificationSignal signal)
{
    /// <summary>
    /// Adds a notification for <paramref name="recipientUserId"/> to <paramref name="db"/>; it is written by the caller's
    /// SaveChangesAsync. <paramref name="template"/> names a template file (<c>case-status-changed</c>), <paramref name="values"/>
    /// fill its placeholders, <paramref name="link"/> is a site-relative path (<c>/complaints/C-20261201-0042</c>) or null.
    /// </summary>
    public void Add(PortalDbContext db, string recipientUserId, NotificationTopic topic, string template,
        IReadOnlyDictionary<string, string> values, string? link)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientUserId);
        ArgumentNullException.ThrowIfNull(values);
        if (template.Length > NotificationLimits.MaxTemplate || !TemplateName().IsMatch(template))
        {
            throw new ArgumentException($"'{template}' is not a template name (lower-case letters, digits and dashes).", nameof(template));
        }

        if (link is not null && (link.Length > NotificationLimits.MaxLink || !link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal)
                                 || link.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{link}' is not a site-relative path such as /inbox.", nameof(link));
        }

        var json = JsonSerializer.Serialize(values);
        if (json.Length > NotificationLimits.MaxValuesJson)
        {
            throw new ArgumentException($"The values of '{template}' are longer than {NotificationLimits.MaxValuesJson} characters.", nameof(values));
        }

        db.Add(new OutboxMessage
        {
            RecipientUserId = recipientUserId,
            Topic = topic,
            Template = template,
            ValuesJson = json,
            Link = link,
            CreatedAt = clock.GetUtcNow(),
        });
        // After the caller's save commits, this instance's dispatcher starts at once instead of at its next poll.
        db.SavedChanges -= WakeDispatcher;
        db.SavedChanges += WakeDispatcher;
    }

    private void WakeDispatcher(object? sender, SavedChangesEventArgs e) => signal.Wake();

    /// <summary>
    /// Which of <paramref name="userIds"/> were already sent a notification on <paramref name="topic"/> about <paramref name="link"/>
    /// (a job that runs again, such as a month-end, tells each person once).
    /// </summary>
    public static async Task<IReadOnlySet<string>> AlreadyNotifiedAsync(PortalDbContext db, NotificationTopic topic, string link,
        IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == topic && m.Link == link && userIds.Contains(m.RecipientUserId))
            .Select(m => m.RecipientUserId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Adds one notification for every investor with online access (whose notifications are in <paramref name="language"/>,
    /// when given), as one row in the caller's context: the dispatcher fans it out to each of them after the save.
    /// </summary>
    public void AddToInvestors(PortalDbContext db, string? language, NotificationTopic topic, string template,
        IReadOnlyDictionary<string, string> values, string? link) =>
        Add(db, InvestorsAudience + (language ?? AnyLanguage), topic, template, values, link);

    /// <summary>The recipient of an <see cref="AddToInvestors"/> row: this prefix, then a culture or <see cref="AnyLanguage"/>.</summary>
    internal const string InvestorsAudience = "audience:investors:";

    internal const string AnyLanguage = "*";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TemplateName();
}
