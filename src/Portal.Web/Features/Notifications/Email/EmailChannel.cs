using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications.Outbox;
using Portal.Web.Features.Notifications.Templates;

namespace Portal.Web.Features.Notifications.Email;

/// <summary>
/// Delivers by e-mail through the portal's one sender (SMTP via MailKit, or the pickup folder), in the recipient's
/// language; an optional topic's message carries the one-click unsubscribe headers (RFC 8058).
/// </summary>
internal sealed class EmailChannel(NotificationTemplates templates, IEmailSender sender) : IDeliveryChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public bool CanReach(UserContact contact) => !string.IsNullOrWhiteSpace(contact.Email);

    public Task DeliverAsync(PortalDbContext db, DeliveryWork work, CancellationToken cancellationToken)
    {
        var rendered = templates.Render(work.Message.Template, work.Culture, work.Values, work.Link, work.Unsubscribe);
        var headers = work.Unsubscribe is null
            ? null
            : new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{work.Unsubscribe.AbsoluteUri}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            };
        var to = work.Contact.Email ?? throw new InvalidOperationException("The recipient has no confirmed e-mail address.");
        return sender.SendAsync(new EmailMessage(to, rendered.Subject, rendered.Text, rendered.Html, headers), cancellationToken);
    }
}
