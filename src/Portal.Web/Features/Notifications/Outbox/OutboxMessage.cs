namespace Portal.Web.Features.Notifications.Outbox;

/// <summary>
/// A notification to one person, written in the same transaction as the change it tells about. The dispatcher expands
/// it into one <see cref="NotificationDelivery"/> per channel the recipient wants, once (<see cref="ExpandedAt"/>).
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public string RecipientUserId { get; set; } = "";

    public NotificationTopic Topic { get; set; }

    public string Template { get; set; } = "";

    /// <summary>The template's values as a JSON object of strings.</summary>
    public string ValuesJson { get; set; } = "{}";

    /// <summary>Site-relative path of what the notification is about; made absolute from <c>Portal:PublicBaseUrl</c>.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the deliveries were created; null while the message waits for the dispatcher.</summary>
    public DateTimeOffset? ExpandedAt { get; set; }
}
