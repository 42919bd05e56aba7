using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications.Outbox;
using Portal.Web.Features.Notifications.Templates;

namespace Portal.Web.Features.Notifications.Inbox;

/// <summary>Delivers to the portal inbox: the item is saved in the same transaction as the delivered mark.</summary>
internal sealed class InboxChannel(NotificationTemplates templates, TimeProvider clock) : IDeliveryChannel
{
    public NotificationChannel Channel => NotificationChannel.Inbox;

    public bool CanReach(UserContact contact) => true;

    public Task DeliverAsync(PortalDbContext db, DeliveryWork work, CancellationToken cancellationToken)
    {
        var (subject, body) = templates.RenderForInbox(work.Message.Template, work.Culture, work.Values);
        db.Add(new InboxItem
        {
            UserId = work.Delivery.RecipientUserId,
            DeliveryId = work.Delivery.Id,
            Topic = work.Message.Topic,
            Title = subject[..Math.Min(subject.Length, NotificationLimits.MaxTitle)],
            Body = body[..Math.Min(body.Length, NotificationLimits.MaxBody)],
            Link = work.Message.Link,
            CreatedAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}
