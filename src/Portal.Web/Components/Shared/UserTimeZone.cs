using System.Security.Claims;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Accounts;
using Portal.Web.Hosting;

namespace Portal.Web.Components.Shared;

/// <summary>Turns stored UTC times into the user's own time zone (their choice, else the portal's default).</summary>
public sealed class UserTimeZone(IOptions<PortalOptions> options)
{
    public TimeZoneInfo For(ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(PortalClaims.TimeZone)?.Value;
        return Find(id) ?? Find(options.Value.DefaultTimeZone) ?? TimeZoneInfo.Utc;
    }

    private static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
