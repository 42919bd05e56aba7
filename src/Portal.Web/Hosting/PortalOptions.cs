using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Hosting;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Name shown in the app bar, page titles and e-mails.</summary>
    [Required]
    [StringLength(60)]
    public string BrandName { get; set; } = "Portal";

    /// <summary>Load the deterministic demo data. Unset: on with SQLite outside Production, off otherwise.</summary>
    public bool? DemoData { get; set; }

    /// <summary>Addresses or networks (CIDR) of reverse proxies whose X-Forwarded-* headers are believed, besides loopback.</summary>
    public IReadOnlyList<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// The address people open the portal at (absolute http or https, e.g. https://portal.example.com). Every absolute link
    /// the portal sends (e-mail, SMS, calendar files) is built from it, never from a request's Host header. Required;
    /// validated at start (see Notifications' PublicLinks).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Time zone for users who have not chosen one.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";
}
