using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using MudBlazor.Services;
using Portal.Web.Components;
using Portal.Web.Components.Shared;

namespace Portal.Web.Hosting;

public static class UiHosting
{
    public static IHostApplicationBuilder AddPortalUi(this IHostApplicationBuilder builder)
    {
        // Pages carry Chinese as UTF-8 text, not a numeric entity per character (three to four times the bytes).
        // The encoder still escapes what HTML needs (< > & ' ") and control characters.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Circuit limits from "Circuits" (CircuitOptions' names), the framework's defaults otherwise: the pages benchmark
        // lets closed pages' circuits go after 2 s instead of 3 minutes so that they do not blur the next page's count.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => builder.Configuration.GetSection("Circuits").Bind(o));
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<UserTimeZone>();
        return builder;
    }

    /// <summary>Static files, the language switch and the Razor components.</summary>
    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapLanguageSwitch();
        // Blazor sends its own frame-ancestors policy with the circuit's pages; keep it as strict as ours.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'")
            .Add(endpoint =>
            {
                BlazorPlumbingIsPublic(endpoint);
                PagesAnswerHead(endpoint);
            });
        // An address nothing answers is a 404 (the status page) for everyone, not a sign-in prompt: a request without
        // an endpoint would otherwise meet the fallback policy. Static files still win (their routes are more specific).
        app.MapFallback("{**path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// A page answers HEAD as it answers GET, headers only (monitors and <c>curl -I</c> ask so); Blazor maps pages to
    /// GET and POST, which would leave HEAD to the fallback's 404.
    /// </summary>
    private static void PagesAnswerHead(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any()
            && endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
            && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
        {
            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
        }
    }

    /// <summary>
    /// The circuit's hub, its negotiation and Blazor's redirect endpoint serve anonymous visitors too (the landing page,
    /// FAQ and search are interactive); each page keeps deciding for itself with its own attributes.
    /// </summary>
    private static void BlazorPlumbingIsPublic(EndpointBuilder endpoint)
    {
        if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any())
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        }
    }
}
