using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications.Outbox;
using Portal.Web.Features.Notifications.Templates;

namespace Portal.Web.Features.Notifications.Sms;

/// <summary>Delivers the template's short text by SMS; an optional topic's text ends with the unsubscribe line.</summary>
internal sealed class SmsChannel(NotificationTemplates templates, ISmsSender sender) : IDeliveryChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public bool CanReach(UserContact contact) => !string.IsNullOrWhiteSpace(contact.Mobile);

    public Task DeliverAsync(PortalDbContext db, DeliveryWork work, CancellationToken cancellationToken)
    {
        var rendered = templates.Render(work.Message.Template, work.Culture, work.Values, work.Link, work.Unsubscribe);
        var to = work.Contact.Mobile ?? throw new InvalidOperationException("The recipient has no mobile number.");
        return sender.SendAsync(new SmsMessage(to, rendered.Sms), cancellationToken);
    }
}
