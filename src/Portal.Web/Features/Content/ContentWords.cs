using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Content;

/// <summary>Names of categories, kinds, statuses and audiences in the reader's language.</summary>
public static class ContentWords
{
    public static string Category(this IStringLocalizer<ContentText> l, string category)
    {
        var text = l["Category." + category];
        return text.ResourceNotFound ? CultureInfo.CurrentCulture.TextInfo.ToTitleCase(category.Replace('-', ' ')) : text.Value;
    }

    public static string Kind(this IStringLocalizer<ContentText> l, ContentKind kind) => l["Kind." + kind];

    public static string Status(this IStringLocalizer<ContentText> l, ContentStatus status) => l["Status." + status];

    public static string Audience(this IStringLocalizer<ContentText> l, ContentAudience audience) => l["Audience." + audience];

    public static string Language(this IStringLocalizer<ContentText> l, string language) => l["Language." + language];

    public static string ReaderLanguage => ContentLanguages.For(CultureInfo.CurrentUICulture);

    /// <summary>A time shown to readers, in the portal's time zone and the portal's one form (<see cref="PortalFormat"/>).</summary>
    public static string When(DateTimeOffset? at, string timeZone, bool withTime = false)
    {
        if (at is null)
        {
            return "";
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return withTime ? PortalFormat.DateTime(at.Value, zone) : PortalFormat.Date(at.Value, zone);
    }
}
