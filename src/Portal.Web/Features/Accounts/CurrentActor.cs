using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// The client's address for this scope: an HTTP request, or a Blazor circuit (taken from the request that opened it,
/// after the forwarded-headers middleware, so only trusted proxies can set it).
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor accessor)
{
    public string? Value { get; } = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>The acting user of a page or component, for the services it calls.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, ClientAddress address)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.From(state.User, address.Value);
    }
}

/// <summary>Resolves <see cref="ClientAddress"/> when a circuit opens, while the request that opened it is still at hand.</summary>
internal sealed class ClientAddressCircuitHandler(ClientAddress address) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ = address.Value;
        return Task.CompletedTask;
    }
}

public static class ActorHttpContextExtensions
{
    /// <summary>The acting user of a minimal-API endpoint.</summary>
    public static Actor GetActor(this HttpContext context) =>
        Actor.From(context.User, context.Connection.RemoteIpAddress?.ToString());
}
