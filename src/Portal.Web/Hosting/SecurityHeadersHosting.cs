namespace Portal.Web.Hosting;

/// <summary>
/// The browser-side protections every response carries (pages, static files, endpoints, status and error pages):
/// a Content-Security-Policy without inline script, no framing, no MIME sniffing, a referrer policy and a
/// permissions policy that turns off the device features the portal never uses. HSTS is added outside Development
/// by <see cref="OperationsHosting"/>.
/// </summary>
public static class SecurityHeadersHosting
{
    public static IHostApplicationBuilder AddPortalSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy => policy
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // Only our own files: blazor.web.js, MudBlazor.min.js and js/portal.js. No inline script, no eval.
                csp.AddScriptSrc().Self();
                // MudBlazor writes style attributes on its components and its theme provider renders a <style> element
                // with the palette's CSS variables, so inline styles must be allowed. Styles cannot run script.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                // 'self' also matches the same host's ws:/wss:, which carries the Blazor circuit.
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddAccelerometer().None();
                permissions.AddCamera().None();
                permissions.AddDisplayCapture().None();
                permissions.AddGeolocation().None();
                permissions.AddGyroscope().None();
                permissions.AddHid().None();
                permissions.AddMagnetometer().None();
                permissions.AddMicrophone().None();
                permissions.AddMidi().None();
                permissions.AddPayment().None();
                permissions.AddSerialPermissions().None();
                permissions.AddUsb().None();
            })
            .RemoveServerHeader());
        return builder;
    }
}
