using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Notifications.Outbox;

namespace Portal.IntegrationTests.Notifications;

/// <summary>
/// The app on PostgreSQL with its mail going to a real SMTP listener on loopback, and no dispatcher of its own: each
/// test runs the dispatchers it needs (<see cref="NewDispatcher"/>), so two can share one database.
/// </summary>
public class NotificationsApp : PortalApp
{
    public const int MaxAttempts = 3;
    public const int RetryBaseSeconds = 10;
    public const string SmsInboundKey = "inbound-test-key";

    public LoopbackSmtpServer Smtp { get; } = new();

    public NotificationOutbox Outbox => Services.GetRequiredService<NotificationOutbox>();

    /// <summary>A dispatcher of its own (its own claims), optionally on a clock the test moves.</summary>
    internal NotificationDispatcher NewDispatcher(TimeProvider? clock = null) => clock is null
        ? ActivatorUtilities.CreateInstance<NotificationDispatcher>(Services)
        : ActivatorUtilities.CreateInstance<NotificationDispatcher>(Services, clock);

    /// <summary>Runs <paramref name="dispatcher"/> round after round until a round finds nothing to do.</summary>
    internal static async Task DrainAsync(NotificationDispatcher dispatcher)
    {
        while (await dispatcher.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Adds one notification as a feature does: into a context, saved with it.</summary>
    public async Task AddAsync(string userId, NotificationTopic topic, string template, IReadOnlyDictionary<string, string> values, string? link = null)
    {
        await WithDbAsync(async db =>
        {
            Outbox.Add(db, userId, topic, template, values, link);
            return await db.SaveChangesAsync();
        });
    }

    public Task<List<NotificationDelivery>> DeliveriesOfAsync(string userId) =>
        WithDbAsync(db => db.Set<NotificationDelivery>().AsNoTracking().Where(d => d.RecipientUserId == userId).OrderBy(d => d.Id).ToListAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Notifications:DispatcherEnabled", "false");
        builder.UseSetting("Notifications:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:RetryBaseSeconds", RetryBaseSeconds.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:BatchSize", "10");
        builder.UseSetting("Sms:InboundKey", SmsInboundKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same on SQLite, where the dispatcher claims inside a write transaction (one instance).</summary>
public sealed class SqliteNotificationsApp : NotificationsApp
{
    public override Portal.Web.Data.DatabaseProvider Provider => Portal.Web.Data.DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync(string folder) => SqliteTestDatabase.CreateAsync(folder);

    protected override Task DropDatabaseAsync(string connectionString) => SqliteTestDatabase.DropAsync();
}
