using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Hosting;

namespace Portal.Web.Features.Notifications.Preferences;

/// <summary>Raised when a change would turn a required topic off entirely.</summary>
public sealed class RequiredTopicException(NotificationTopic topic)
    : InvalidOperationException($"{topic} notifications must keep at least one channel.")
{
    public NotificationTopic Topic { get; } = topic;
}

/// <summary>Each person's channels per topic (their own only), and the language their notifications are written in.</summary>
public sealed class NotificationPreferences(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<NotificationTopic, ChannelChoice>> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = RequireUser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        return TopicDefaults.All.ToDictionary(t => t, t => saved.FirstOrDefault(p => p.Topic == t) is { } p ? new ChannelChoice(p.Inbox, p.Email, p.Sms) : TopicDefaults.For(t));
    }

    /// <summary>Saves the actor's channels for one topic; a required topic keeps at least one (else <see cref="RequiredTopicException"/>).</summary>
    public async Task SaveAsync(Actor actor, NotificationTopic topic, ChannelChoice choice, CancellationToken cancellationToken = default)
    {
        var userId = RequireUser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SaveAsync(db, userId, topic, choice, cancellationToken);
    }

    /// <summary>What the unsubscribe link does: e-mail and SMS off for that topic (the inbox keeps it).</summary>
    internal async Task UnsubscribeAsync(string userId, NotificationTopic topic, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await ChoiceAsync(db, userId, topic, cancellationToken);
        await SaveAsync(db, userId, topic, current with { Email = false, Sms = false }, cancellationToken);
    }

    /// <summary>
    /// What a STOP reply to an SMS does: SMS off for every optional topic of everyone with that mobile number (the
    /// required ones, security and statements, keep theirs). Returns how many people it stopped.
    /// </summary>
    internal async Task<int> StopSmsAsync(string mobile, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userIds = await AccountDirectory.FindUserIdsByMobileAsync(db, mobile, cancellationToken);
        foreach (var userId in userIds)
        {
            foreach (var topic in TopicDefaults.All.Where(t => !TopicDefaults.IsRequired(t)))
            {
                var current = await ChoiceAsync(db, userId, topic, cancellationToken);
                if (current.Sms)
                {
                    await SaveAsync(db, userId, topic, current with { Sms = false }, cancellationToken);
                }
            }
        }

        return userIds.Count;
    }

    /// <summary>Remembers the language <paramref name="userId"/> uses the portal in, for what is sent to them.</summary>
    public async Task RememberCultureAsync(string userId, string culture, CancellationToken cancellationToken = default)
    {
        if (!LocalizationHosting.SupportedCultures.Contains(culture, StringComparer.Ordinal))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<NotificationRecipient>().SingleOrDefaultAsync(r => r.UserId == userId, cancellationToken);
        if (row?.Culture == culture)
        {
            return;
        }

        if (row is null)
        {
            db.Add(new NotificationRecipient { UserId = userId, Culture = culture, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            row.Culture = culture;
            row.UpdatedAt = clock.GetUtcNow();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two circuits of one person remembered at once: either language is theirs.
        }
    }

    internal static async Task<ChannelChoice> ChoiceAsync(PortalDbContext db, string userId, NotificationTopic topic, CancellationToken cancellationToken) =>
        await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == userId && p.Topic == topic)
            .Select(p => new ChannelChoice(p.Inbox, p.Email, p.Sms)).SingleOrDefaultAsync(cancellationToken) ?? TopicDefaults.For(topic);

    private async Task SaveAsync(PortalDbContext db, string userId, NotificationTopic topic, ChannelChoice choice, CancellationToken cancellationToken)
    {
        if (TopicDefaults.IsRequired(topic) && !choice.Any)
        {
            throw new RequiredTopicException(topic);
        }

        var row = await db.Set<NotificationPreference>().SingleOrDefaultAsync(p => p.UserId == userId && p.Topic == topic, cancellationToken);
        if (row is null)
        {
            row = new NotificationPreference { UserId = userId, Topic = topic };
            db.Add(row);
        }

        (row.Inbox, row.Email, row.Sms, row.UpdatedAt) = (choice.Inbox, choice.Email, choice.Sms, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The signed-in person's own user id (preferences and inbox belong to a person, never to the system).</summary>
    internal static string RequireUser(Actor actor) =>
        actor is { IsAuthenticated: true, UserId: { } id } && !actor.IsSystem ? id : throw new ActorForbiddenException("Notifications belong to a signed-in person.");
}
