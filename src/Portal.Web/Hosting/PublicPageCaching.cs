using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Portal.Web.Components;

namespace Portal.Web.Hosting;

/// <summary>
/// The anonymous public pages (landing, FAQ, education, announcements, search) are the same for every visitor who reads
/// them in the same language and theme, so the server renders each once a minute and answers the rest from memory.
/// Signed-in visitors are never served from or stored in the cache (the output cache's default rules); a page of the
/// cache is dropped when content changes (<see cref="EvictAsync"/>). Pages opt in with
/// <c>[OutputCache(PolicyName = PublicPageCaching.PolicyName)]</c>.
/// </summary>
public static class PublicPageCaching
{
    public const string PolicyName = "public-page";

    /// <summary>
    /// How long a rendered page is served. Well under the 5 minutes for which the prerendered components' descriptors
    /// in the page stay valid for opening their circuit.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private const string ContentTag = "content";

    public static IHostApplicationBuilder AddPublicPageCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options => options.AddPolicy(PolicyName, policy => policy
            .Expire(Lifetime)
            .Tag(ContentTag)
            .VaryByValue(context => new("view", $"{Culture(context)}|{(ThemePreference.IsDark(context.Request) ? "dark" : "light")}"))));

        // Blazor asks for an antiforgery token on every page it renders (and persists it for the circuit), which sets a
        // cookie on the response; a response with a cookie is rightly never cached. The cached pages have no form that
        // posts back, so they go without.
        builder.Services.AddAntiforgery();
        var standard = builder.Services.Last(d => d.ServiceType == typeof(IAntiforgery));
        builder.Services.Remove(standard);
        builder.Services.AddSingleton<IAntiforgery>(services => new FormTokensOnDemand(
            (IAntiforgery)ActivatorUtilities.CreateInstance(services, standard.ImplementationType!),
            services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName));
        return builder;
    }

    /// <summary>Content was published, changed or withdrawn: every cached public page is rendered afresh.</summary>
    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken = default) =>
        store.EvictByTagAsync(ContentTag, cancellationToken);

    /// <summary>True when this request's page may come from (and go to) the public page cache.</summary>
    internal static bool IsCachedPage(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is { PolicyName: PolicyName };

    private static string Culture(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? "";

    /// <summary>The standard antiforgery, except that a cached public page gets no token (and so sets no cookie).</summary>
    private sealed class FormTokensOnDemand(IAntiforgery inner, string formFieldName) : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
        {
            if (!IsCachedPage(httpContext))
            {
                return inner.GetAndStoreTokens(httpContext);
            }

            // The standard one marks a page with a token as not to be kept by browsers; this page may be kept by the
            // server, but browsers should still ask again each time (its descriptors expire).
            httpContext.Response.Headers.CacheControl = "no-cache";
            return new AntiforgeryTokenSet(null, null, formFieldName, null);
        }

        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

        public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

        public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
    }
}
