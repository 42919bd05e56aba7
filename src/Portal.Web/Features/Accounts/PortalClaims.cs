using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Features.Accounts;

public static class PortalClaims
{
    public const string DisplayName = "portal:display_name";

    public const string TimeZone = "portal:time_zone";

    /// <summary>The investor record of an investor's user, so services can check ownership without a query.</summary>
    public const string InvestorId = "portal:investor_id";
}

/// <summary>Adds the display name and time zone to the sign-in cookie, so pages need no query for them.</summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<PortalDbContext> dbFactory)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(PortalClaims.TimeZone, user.TimeZone));
        await using var db = await dbFactory.CreateDbContextAsync();
        var investorId = await db.Set<Investor>().Where(i => i.UserId == user.Id).Select(i => (int?)i.Id).SingleOrDefaultAsync();
        if (investorId is { } id)
        {
            identity.AddClaim(new Claim(PortalClaims.InvestorId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
