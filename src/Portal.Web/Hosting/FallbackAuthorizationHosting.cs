using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Hosting;

/// <summary>
/// Every page and endpoint needs a signed-in user unless it says otherwise ([AllowAnonymous] or .AllowAnonymous()),
/// so a new page someone forgot to mark is closed, not open. Pages still declare their roles with [Authorize]: inside
/// a live circuit the router checks the page's own attributes, not this policy.
/// </summary>
public static class FallbackAuthorizationHosting
{
    public static IHostApplicationBuilder AddSignInRequiredByDefault(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
