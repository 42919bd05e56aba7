using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.IntegrationTests.Hosting;

/// <summary>Every page and endpoint needs a signed-in user unless it is marked public on purpose.</summary>
public sealed class FallbackPolicyTests(PortalApp app) : IClassFixture<PortalApp>
{
    /// <summary>The routes anyone may open without signing in. A new public page or endpoint is added here on purpose.</summary>
    private static readonly string[] PublicRoutes =
    [
        "/", "/faq", "/faq/{Slug}", "/learn", "/learn/{Slug}", "/announcements", "/search",
        "/Account/Login", "/Account/LoginWith2fa", "/Account/Lockout", "/Account/Activate", "/Account/Activate/Confirm",
        "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation", "/Account/ResetPassword",
        "/status/{Code:int}", "/Error", "/not-found", "/health/live", "/health/ready", "/culture/{culture}", "/media/{id:guid}",
        // The unsubscribe link in a notification: its signed token is the authority.
        "/unsubscribe",
        // Replies to the portal's SMS, posted by the SMS provider: its key is the authority.
        "/sms/inbound",
        // The Blazor circuit: anonymous visitors use interactive pages too.
        "/_blazor", "/_blazor/negotiate", "/_blazor/disconnect/", "/_blazor/initializers/", "/_framework/opaque-redirect",
        // Any other address: a 404 page for everyone.
        "/{**path}",
    ];

    [Fact]
    public async Task Every_endpoint_requires_a_signed_in_user_unless_it_is_on_the_public_list()
    {
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var problems = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var isPublic = PublicRoutes.Contains(route, StringComparer.Ordinal) || IsStaticAsset(endpoint);
            if (isPublic)
            {
                if (!anonymous)
                {
                    problems.Add($"{route} is public but not marked [AllowAnonymous]");
                }

                continue;
            }

            var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()) ?? await provider.GetFallbackPolicyAsync();
            var requiresUser = policy?.Requirements.Any(r => r is DenyAnonymousAuthorizationRequirement or RolesAuthorizationRequirement) == true;
            if (anonymous || !requiresUser)
            {
                problems.Add($"{route} ({endpoint.DisplayName}) is open to anonymous visitors but not on the public list");
            }

            // Inside a live circuit the router checks the page's own attributes, not the fallback policy.
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null)
            {
                problems.Add($"{route} is a page without its own [Authorize]");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var routes = endpoints.Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var missing = PublicRoutes.Where(r => !routes.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "No such endpoint: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/faq")]
    [InlineData("/learn")]
    [InlineData("/announcements")]
    [InlineData("/search?q=fund")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Activate")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/Lockout")]
    [InlineData("/app.css")]
    [InlineData("/favicon.svg")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    [InlineData("/no-such-file.png")]
    public async Task Public_pages_and_files_open_without_signing_in(string path)
    {
        using var client = app.CreatePortalClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(path.StartsWith("/no-such-", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_can_start_a_circuit()
    {
        using var client = app.CreatePortalClient();

        using var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_out_visitor_to_a_page_without_a_role_is_sent_to_sign_in()
    {
        using var client = app.CreatePortalClient();

        using var response = await client.GetAsync("/Account/Manage/TwoFactor");

        Assert.Equal("/Account/Login?ReturnUrl=%2FAccount%2FManage%2FTwoFactor", response.RedirectTarget());
    }

    private static bool IsStaticAsset(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");
}
