using System.Security.Claims;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Who is acting, and from where. Every service method that changes data or reads a person's data takes one and
/// checks role and ownership itself: a page's [Authorize] is the first check, never the only one.
/// </summary>
public sealed record Actor(string? UserId, string Name, IReadOnlySet<string> Roles, int? InvestorId, string? Address)
{
    private static readonly IReadOnlySet<string> NoRoles = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The portal itself (a background job or a command-line run): trusted code, no person behind it.</summary>
    public bool IsSystem { get; private init; }

    public bool IsAuthenticated => UserId is not null;

    public static Actor Anonymous(string? address) => new(null, "", NoRoles, null, address);

    /// <summary>The portal acting on its own, named for the audit trail (e.g. "monthend command").</summary>
    public static Actor System(string name) => new(null, name, NoRoles, null, null) { IsSystem = true };

    public static Actor From(ClaimsPrincipal user, string? address)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Anonymous(address);
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var investorId = int.TryParse(user.FindFirstValue(PortalClaims.InvestorId), out var id) ? id : (int?)null;
        var name = user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity.Name ?? userId;
        return new(userId, name, roles, investorId, address);
    }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws <see cref="ActorForbiddenException"/> unless the actor is the system or holds one of the roles.</summary>
    public void RequireRole(params ReadOnlySpan<string> roles)
    {
        if (!IsSystem && !IsInAnyRole(roles))
        {
            throw new ActorForbiddenException($"{(UserId ?? "anonymous")} may not do this (needs {string.Join(" or ", roles.ToArray())}).");
        }
    }

    /// <summary>The investor the actor is; throws unless they are a signed-in investor.</summary>
    public int RequireInvestor()
    {
        RequireRole(Accounts.Roles.Investor);
        return InvestorId ?? throw new ActorForbiddenException($"{UserId} is not linked to an investor.");
    }
}

/// <summary>A service refused an actor who lacks the role or does not own the data.</summary>
public sealed class ActorForbiddenException(string message) : Exception(message);
