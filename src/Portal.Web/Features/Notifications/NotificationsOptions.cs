using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Notifications;

public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the dispatcher on this instance (every instance may: each delivery is claimed by one).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for work when nothing woke it earlier.</summary>
    [Range(100, 600_000)]
    public int PollIntervalMilliseconds { get; set; } = 2_000;

    /// <summary>Attempts per delivery before it is given up (failed; an admin may retry it).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; each later one doubles it, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(1, 86_400)]
    public int RetryBaseSeconds { get; set; } = 30;

    [Range(1, 604_800)]
    public int RetryMaxSeconds { get; set; } = 3_600;

    /// <summary>Outbox messages expanded, and deliveries claimed, per round.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claim holds; a dispatcher that died gives its deliveries back after this.</summary>
    [Range(10, 86_400)]
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>One send's time limit (well inside the lease, so a claim never lapses during a send).</summary>
    [Range(1, 3_600)]
    public int SendTimeoutSeconds { get; set; } = 60;

    /// <summary>How long an unsubscribe link in a message works.</summary>
    [Range(1, 3_650)]
    public int UnsubscribeLinkDays { get; set; } = 60;
}
