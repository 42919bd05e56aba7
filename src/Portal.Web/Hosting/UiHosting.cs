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

    /// <summary>Static files, the language switch and the Razor components.</summary>
    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapLanguageSwitch();
        // Blazor sends its own frame-ancestors policy with the circuit's pages; keep it as strict as ours.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");
        return app;
    }
}
