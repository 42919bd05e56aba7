using MudBlazor.Services;
using Portal.Web.Components;
using Portal.Web.Components.Shared;

namespace Portal.Web.Hosting;

public static class UiHosting
{
    public static IHostApplicationBuilder AddPortalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<UserTimeZone>();
        return builder;
    }

    /// <summary>Localization, sign-in, antiforgery, static files and the Razor components.</summary>
    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapLanguageSwitch();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
