using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Identity's security stamp check, built only when a cookie is due for it (older than the validation interval). Identity's
/// validator needs the sign-in manager, the user manager, their stores and a pooled database context; resolved for every
/// request, they stay in the request's scope as long as the request lasts, and a circuit's WebSocket request lasts as long
/// as the circuit: one database context and its services held by every open circuit (issue 13).
/// </summary>
internal sealed class DeferredSecurityStampValidator(IOptions<SecurityStampValidatorOptions> options) : ISecurityStampValidator
{
    public Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = (options.Value.TimeProvider ?? TimeProvider.System).GetUtcNow();
        // Identity's own rule: a cookie without an issue time, or one issued longer ago than the interval, is checked.
        if (context.Properties.IssuedUtc is { } issued && now - issued <= options.Value.ValidationInterval)
        {
            return Task.CompletedTask;
        }

        return context.HttpContext.RequestServices.GetRequiredService<SecurityStampValidator<PortalUser>>().ValidateAsync(context);
    }
}
