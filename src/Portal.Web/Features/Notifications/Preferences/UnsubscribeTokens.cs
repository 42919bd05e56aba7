using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Notifications.Preferences;

/// <summary>
/// The one-click unsubscribe links: a signed, expiring token (Data Protection, time-limited) that names one user and one
/// topic. The link carries the topic beside the token, and a token is refused for any other topic.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, PublicLinks links, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public const string Path = "/unsubscribe";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Portal.Notifications.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string Create(string userId, NotificationTopic topic) =>
        _protector.Protect($"{(int)topic}\n{userId}", clock.GetUtcNow().AddDays(options.Value.UnsubscribeLinkDays));

    /// <summary>The absolute link an e-mail or SMS carries.</summary>
    public Uri LinkFor(string userId, NotificationTopic topic) =>
        links.To(Path, [new("topic", topic.ToString()), new("token", Create(userId, topic))]);

    /// <summary>The user the token names, when it is genuine, not expired, and for <paramref name="topic"/>; otherwise null.</summary>
    public string? Read(string? token, NotificationTopic topic)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token, out var expiration);
            if (expiration < clock.GetUtcNow())
            {
                return null;
            }
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('\n', 2);
        return parts.Length == 2 && parts[0] == ((int)topic).ToString(System.Globalization.CultureInfo.InvariantCulture) && parts[1].Length > 0
            ? parts[1]
            : null;
    }
}
