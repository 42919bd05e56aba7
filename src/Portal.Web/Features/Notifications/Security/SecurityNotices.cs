using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Notifications.Security;

/// <summary>
/// The account's security notices: a password or two-step sign-in change (with the change, in its transaction), and a
/// sign-in from a device that has not signed in to this account before (a signed cookie remembers the devices).
/// </summary>
public sealed class SecurityNotices(NotificationOutbox outbox, IDataProtectionProvider protection, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string DeviceCookie = "portal.devices";

    /// <summary>How many accounts one device remembers (a shared family computer), newest kept.</summary>
    private const int RememberedAccounts = 10;

    private readonly IDataProtector _devices = protection.CreateProtector("Portal.Notifications.KnownDevices.v1");

    /// <summary>Adds the notice for an account change audited as <paramref name="auditAction"/> (others have none) to <paramref name="db"/>.</summary>
    public void AddAccountChange(PortalDbContext db, PortalUser user, string auditAction)
    {
        var template = auditAction switch
        {
            AuditActions.PasswordChanged or AuditActions.PasswordReset => "password-changed",
            AuditActions.TwoFactorEnabled => "two-factor-enabled",
            AuditActions.TwoFactorDisabled => "two-factor-disabled",
            _ => null,
        };
        if (template is not null)
        {
            outbox.Add(db, user.Id, NotificationTopic.Security, template, new Dictionary<string, string> { ["time"] = TimeFor(user) }, "/profile");
        }
    }

    /// <summary>After a successful sign-in: a notice when this device is new to the account, and the device remembers it.</summary>
    public async Task NoteSignInAsync(PortalUser user, HttpContext context, CancellationToken cancellationToken)
    {
        var known = Read(context.Request.Cookies[DeviceCookie]);
        var mark = Mark(user.Id);
        if (!known.Contains(mark))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            outbox.Add(db, user.Id, NotificationTopic.Security, "new-device-sign-in", new Dictionary<string, string>
            {
                ["time"] = TimeFor(user),
                ["address"] = context.Connection.RemoteIpAddress?.ToString() ?? "?",
            }, "/profile");
            await db.SaveChangesAsync(cancellationToken);
        }

        var remembered = known.Where(m => m != mark).Prepend(mark).Take(RememberedAccounts);
        context.Response.Cookies.Append(DeviceCookie, _devices.Protect(string.Join(',', remembered)), new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
            Expires = clock.GetUtcNow().AddYears(1),
        });
    }

    private List<string> Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return [];
        }

        try
        {
            return [.. _devices.Unprotect(cookie).Split(',', StringSplitOptions.RemoveEmptyEntries)];
        }
        catch (CryptographicException)
        {
            return [];
        }
    }

    /// <summary>The cookie names accounts by a short hash, not by id.</summary>
    private static string Mark(string userId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)).AsSpan(0, 8));

    private string TimeFor(PortalUser user)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(user.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return $"{PortalFormat.DateTime(clock.GetUtcNow(), zone)} ({zone.Id})";
    }
}
