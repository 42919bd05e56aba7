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

/// <summary>Speaks SMTP through MailKit.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> emailOptions, IOptions<SmtpOptions> smtpOptions) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = smtpOptions.Value;
        var mime = MimeMessageFactory.Create(message, emailOptions.Value.From);
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
