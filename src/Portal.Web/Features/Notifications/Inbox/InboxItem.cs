namespace Portal.Web.Features.Notifications.Inbox;

/// <summary>A notification in a person's portal inbox (the inbox channel's delivery).</summary>
public sealed class InboxItem
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The delivery that put it here: unique, so a delivery lands at most once.</summary>
    public long DeliveryId { get; set; }

    public NotificationTopic Topic { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}
