namespace Portal.Web.Features.Notifications.Outbox;

public enum DeliveryState
{
    /// <summary>Waiting for its next attempt (<see cref="NotificationDelivery.NextAttemptAt"/>).</summary>
    Pending = 0,

    /// <summary>Claimed by one dispatcher until <see cref="NotificationDelivery.LeaseUntil"/>.</summary>
    Sending = 1,

    Delivered = 2,

    /// <summary>Gave up after <c>Notifications:MaxAttempts</c> attempts (an admin may retry it).</summary>
    Failed = 3,
}

/// <summary>One outbox message on one channel. Changed only by conditional updates, so it is sent at most once.</summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }

    public long OutboxMessageId { get; set; }

    public string RecipientUserId { get; set; } = "";

    public NotificationTopic Topic { get; set; }

    public NotificationChannel Channel { get; set; }

    public DeliveryState State { get; set; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While <see cref="DeliveryState.Sending"/>: when the claim lapses (a dispatcher that died gives it back).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The dispatcher instance holding the claim.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>One try at a delivery: when, on which channel, by whom, and how it went.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }

    public long DeliveryId { get; set; }

    public NotificationChannel Channel { get; set; }

    public DateTimeOffset At { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }

    public string Instance { get; set; } = "";
}
