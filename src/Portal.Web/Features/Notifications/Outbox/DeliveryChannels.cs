using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Notifications.Outbox;

/// <summary>Everything one delivery needs: the message, its values, the recipient's language and contact, the absolute links.</summary>
internal sealed record DeliveryWork(
    NotificationDelivery Delivery, OutboxMessage Message, IReadOnlyDictionary<string, string> Values, string Culture,
    UserContact Contact, Uri? Link, Uri? Unsubscribe);

/// <summary>One channel's way of delivering. A failure is an exception; its message is recorded on the attempt.</summary>
internal interface IDeliveryChannel
{
    NotificationChannel Channel { get; }

    /// <summary>Whether the recipient can be reached on this channel at all (an address, a number).</summary>
    bool CanReach(UserContact contact);

    /// <summary>Delivers; a channel that writes to the database adds its rows to <paramref name="db"/>, saved with the delivered mark.</summary>
    Task DeliverAsync(PortalDbContext db, DeliveryWork work, CancellationToken cancellationToken);
}
