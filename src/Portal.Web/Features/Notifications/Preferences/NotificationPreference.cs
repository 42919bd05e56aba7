namespace Portal.Web.Features.Notifications.Preferences;

/// <summary>A person's channels for one topic; without a row the topic's defaults apply.</summary>
public sealed class NotificationPreference
{
    public string UserId { get; set; } = "";

    public NotificationTopic Topic { get; set; }

    public bool Inbox { get; set; }

    public bool Email { get; set; }

    public bool Sms { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The language a person reads notifications in (the portal's UI culture they last used).</summary>
public sealed class NotificationRecipient
{
    public string UserId { get; set; } = "";

    public string Culture { get; set; } = "en";

    public DateTimeOffset UpdatedAt { get; set; }
}
