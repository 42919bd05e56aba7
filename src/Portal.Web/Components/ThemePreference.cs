namespace Portal.Web.Components;

/// <summary>The light/dark choice, remembered in a cookie so the first render already has it.</summary>
public static class ThemePreference
{
    public const string CookieName = "portal.theme";

    public static bool IsDark(HttpRequest request) =>
        string.Equals(request.Cookies[CookieName], "dark", StringComparison.Ordinal);
}
