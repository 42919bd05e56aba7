using System.Globalization;
using Portal.Web.Hosting;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Template values that read differently per language: <c>{type}</c> takes <c>type.zh-Hans</c> for a Chinese reader when
/// it is there, else <c>type</c>. <see cref="Localized"/> makes both from the caller's own resources.
/// </summary>
public static class NotificationValues
{
    /// <summary><paramref name="key"/> in the first supported culture, and <c>key.{culture}</c> in each other one.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Localized(string key, Func<string> text)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var values = new List<KeyValuePair<string, string>>();
            foreach (var name in LocalizationHosting.SupportedCultures)
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                values.Add(new(name == LocalizationHosting.SupportedCultures[0] ? key : $"{key}.{name}", text()));
            }

            return values;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
