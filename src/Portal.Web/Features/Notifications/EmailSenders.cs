using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Web.Features.Notifications;

/// <summary>An e-mail to one recipient, with a plain-text body, an optional HTML body and optional extra headers.</summary>
public sealed record EmailMessage(
    string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>The one way the portal sends e-mail.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

internal static class MimeMessageFactory
{
    public static MimeMessage Create(EmailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            mime.Headers.Add(name, value);
        }
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each message as an .eml file into a folder (development and demos).</summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.PickupFolder);
        Directory.CreateDirectory(folder);
        var mime = MimeMessageFactory.Create(message, options.Value.From);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        await mime.WriteToAsync(Path.Combine(folder, name), cancellationToken);
    }
}

/// <summary>
/// Speaks SMTP through MailKit. Connections are kept for reuse (up to <see cref="MaxIdle"/> idle ones, each for at most
/// <see cref="IdleFor"/>): a connection, its greeting and its sign-in cost more than the message itself. A kept
/// connection the server has meanwhile closed fails before any data is sent, so that message goes out once more on a
/// new connection.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> emailOptions, IOptions<SmtpOptions> smtpOptions, TimeProvider clock)
    : IEmailSender, IDisposable
{
    internal const int MaxIdle = Outbox.NotificationDispatcher.Parallelism;
    internal static readonly TimeSpan IdleFor = TimeSpan.FromSeconds(10);

    private readonly System.Collections.Concurrent.ConcurrentQueue<(SmtpClient Client, DateTimeOffset Since)> _idle = new();

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = MimeMessageFactory.Create(message, emailOptions.Value.From);
        if (TakeIdle() is { } kept)
        {
            try
            {
                await kept.SendAsync(mime, cancellationToken);
                Keep(kept);
                return;
            }
            catch (Exception ex) when (ex is ServiceNotConnectedException or IOException or SmtpProtocolException)
            {
                kept.Dispose();
            }
        }

        var client = await ConnectAsync(cancellationToken);
        try
        {
            await client.SendAsync(mime, cancellationToken);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Keep(client);
    }

    public void Dispose()
    {
        while (_idle.TryDequeue(out var idle))
        {
            idle.Client.Dispose();
        }
    }

    private SmtpClient? TakeIdle()
    {
        while (_idle.TryDequeue(out var idle))
        {
            if (idle.Client.IsConnected && clock.GetUtcNow() - idle.Since < IdleFor)
            {
                return idle.Client;
            }

            idle.Client.Dispose();
        }

        return null;
    }

    private void Keep(SmtpClient client)
    {
        if (_idle.Count < MaxIdle)
        {
            _idle.Enqueue((client, clock.GetUtcNow()));
        }
        else
        {
            client.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = smtpOptions.Value;
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
