using Microsoft.AspNetCore.Identity;

namespace Portal.Web.Features.Accounts;

/// <summary>A sign-in identity: an investor who activated online access, or a member of staff.</summary>
public sealed class PortalUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>IANA time zone used to show times to this user.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
