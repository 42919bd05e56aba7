namespace Portal.Web.Features.Notifications.Preferences;

/// <summary>The channels a topic goes to.</summary>
public sealed record ChannelChoice(bool Inbox, bool Email, bool Sms)
{
    public bool Any => Inbox || Email || Sms;

    public bool Has(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Inbox => Inbox,
        NotificationChannel.Email => Email,
        NotificationChannel.Sms => Sms,
        _ => false,
    };

    public ChannelChoice Without(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Inbox => this with { Inbox = false },
        NotificationChannel.Email => this with { Email = false },
        NotificationChannel.Sms => this with { Sms = false },
        _ => this,
    };

    public IEnumerable<NotificationChannel> Channels()
    {
        if (Inbox)
        {
            yield return NotificationChannel.Inbox;
        }

        if (Email)
        {
            yield return NotificationChannel.Email;
        }

        if (Sms)
        {
            yield return NotificationChannel.Sms;
        }
    }
}

/// <summary>What each topic does for someone who never changed their preferences, and which topics the firm must send.</summary>
public static class TopicDefaults
{
    public static IReadOnlyList<NotificationTopic> All { get; } = Enum.GetValues<NotificationTopic>();

    /// <summary>
    /// The rule book requires security notices and statement notices to reach the client: at least one channel stays on,
    /// and their messages carry no unsubscribe link.
    /// </summary>
    public static bool IsRequired(NotificationTopic topic) => topic is NotificationTopic.Security or NotificationTopic.StatementReady;

    public static ChannelChoice For(NotificationTopic topic) => topic switch
    {
        NotificationTopic.Security => new(Inbox: true, Email: true, Sms: false),
        NotificationTopic.StatementReady => new(Inbox: true, Email: true, Sms: false),
        NotificationTopic.FailedTransaction => new(Inbox: true, Email: true, Sms: false),
        NotificationTopic.CaseUpdates => new(Inbox: true, Email: true, Sms: false),
        NotificationTopic.ChatMissed => new(Inbox: true, Email: true, Sms: false),
        NotificationTopic.AppointmentReminders => new(Inbox: true, Email: true, Sms: true),
        _ => new(Inbox: true, Email: false, Sms: false),
    };
}
