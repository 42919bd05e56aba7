using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Web.Data;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Notifications.Outbox;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Portal.Load;

/// <summary>
/// The outbox dispatcher delivering e-mail to a real SMTP server on loopback (the SmtpServer package), with the app
/// restarted in the middle: <c>--count</c> "statement ready" notices (each an inbox and an e-mail delivery) are queued
/// first, then one app instance dispatches until half the e-mails arrived and is stopped as a deployment stops it, and a
/// second instance on the same database delivers the rest. Every e-mail names its notice, so the SMTP server counts
/// what it received: lost (never arrived) and duplicated (arrived more than once) must both be 0.
/// </summary>
internal static class NotificationsBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
        await using var database = new BenchmarkDatabase(options, "notify");
        var received = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var port = FreePort();
        using var stopSmtp = new CancellationTokenSource();
        var smtpProvider = new SmtpServer.ComponentModel.ServiceProvider();
        smtpProvider.Add(new CountingStore(received));
        var smtp = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Port(port).Build(), smtpProvider);
        var serving = smtp.StartAsync(stopSmtp.Token);
        try
        {
            await RunAsync(options, database, port, received);
        }
        finally
        {
            await stopSmtp.CancelAsync();
            await serving;
        }
    }

    private static async Task RunAsync(BenchmarkOptions options, BenchmarkDatabase database, int port, ConcurrentDictionary<string, int> received)
    {
        var (connectionString, postgres) = (database.ConnectionString, database.Postgres);
        var count = options.Notifications;
        var contentRoot = Path.Combine(options.RepositoryRoot, "src", "Portal.Web");
        var settings = new Dictionary<string, string>
        {
            ["Email:UsePickupFolder"] = "false",
            ["Email:PickupFolder"] = Path.Combine(database.Folder.FullName, "mail"),
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };

        // Queue every notice with no dispatcher running, as a month-end run does.
        var queueing = Stopwatch.StartNew();
        await using (var loader = new InProcessPortal(contentRoot, connectionString, postgres, new Dictionary<string, string>(settings) { ["Notifications:DispatcherEnabled"] = "false" }))
        {
            await QueueAsync(loader.Services, count);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Notifications on {database.Provider}: {count:N0} notices queued in {queueing.Elapsed.TotalSeconds:0.0} s (an inbox and an e-mail delivery each), SMTP on 127.0.0.1:{port}"));

        var first = Stopwatch.StartNew();
        double firstSeconds;
        int atStop;
        await using (var instance = new InProcessPortal(contentRoot, connectionString, postgres, settings))
        {
            _ = instance.Services; // starts the host and its dispatcher
            first.Restart();
            await WaitAsync(received, count / 2, TimeSpan.FromMinutes(5));
            firstSeconds = first.Elapsed.TotalSeconds;
            atStop = received.Count;
        }

        var stopped = received.Count;
        var second = Stopwatch.StartNew();
        await using (var instance = new InProcessPortal(contentRoot, connectionString, postgres, settings))
        {
            _ = instance.Services;
            second.Restart();
            await WaitAsync(received, count, TimeSpan.FromMinutes(5));
            var secondSeconds = second.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive by now
            var pending = await PendingAsync(instance.Services);
            var duplicated = received.Values.Sum(v => v - 1);
            var lost = count - received.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  first instance: {atStop:N0} e-mails in {firstSeconds:0.0} s = {atStop / firstSeconds:0} e-mails/s; stopped (graceful) with {stopped:N0} received"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  second instance: {count - stopped:N0} e-mails in {secondSeconds:0.0} s = {(count - stopped) / secondSeconds:0} e-mails/s (from its start, the app's start-up included)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  e-mails: {count:N0} queued, {received.Count:N0} received, {lost:N0} lost, {duplicated:N0} duplicated; deliveries not yet delivered: {pending:N0}"));
        }
    }

    /// <summary>The notices, saved a few hundred at a time as a feature adds them: into a context, with its SaveChanges.</summary>
    private static async Task QueueAsync(IServiceProvider services, int count)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var outbox = services.GetRequiredService<NotificationOutbox>();
        string userId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            userId = await db.Users.Where(u => u.Email == "investor.gold@portal.demo").Select(u => u.Id).SingleAsync();
        }

        for (var start = 0; start < count; start += 500)
        {
            await using var db = await factory.CreateDbContextAsync();
            for (var i = start; i < Math.Min(count, start + 500); i++)
            {
                outbox.Add(db, userId, NotificationTopic.StatementReady, "statement-ready",
                    new Dictionary<string, string> { ["month"] = Token(i), ["month.zh-Hans"] = Token(i) }, "/statements");
            }

            await db.SaveChangesAsync();
        }
    }

    private static string Token(int i) => string.Create(CultureInfo.InvariantCulture, $"N{i:D6}");

    private static async Task<int> PendingAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<NotificationDelivery>().CountAsync(d => d.State != DeliveryState.Delivered);
    }

    private static async Task WaitAsync(ConcurrentDictionary<string, int> received, int atLeast, TimeSpan timeout)
    {
        var until = Stopwatch.StartNew();
        while (received.Count < atLeast)
        {
            if (until.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {received.Count:N0} of {atLeast:N0} e-mails arrived in {timeout.TotalMinutes:0} min.");
            }

            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Counts each e-mail by the notice named in its subject.</summary>
    private sealed class CountingStore(ConcurrentDictionary<string, int> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            // Only the benchmark's notices: the demo data's own (booking reminders, say) go to the same server.
            if ((message.Subject ?? "").Split(' ').FirstOrDefault(w => w.Length == 7 && w[0] == 'N' && w[1..].All(char.IsAsciiDigit)) is { } token)
            {
                received.AddOrUpdate(token, 1, (_, seen) => seen + 1);
            }

            return SmtpResponse.Ok;
        }
    }
}
