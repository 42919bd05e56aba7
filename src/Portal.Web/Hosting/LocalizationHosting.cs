using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Web.Hosting;

public static class LocalizationHosting
{
    public static readonly IReadOnlyList<string> SupportedCultures = ["en", "zh-Hans"];

    public static string NativeName(string culture) => culture switch
    {
        "zh-Hans" => "简体中文",
        _ => "English",
    };

    public static string SwitchUrl(string culture, string returnUrl) =>
        $"/culture/{culture}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IHostApplicationBuilder AddPortalLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The cookie (the user's choice) wins over the browser's Accept-Language.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary>Remembers the chosen language in the culture cookie and goes back where the user was.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && IsLocal(returnUrl) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        return endpoints;
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
