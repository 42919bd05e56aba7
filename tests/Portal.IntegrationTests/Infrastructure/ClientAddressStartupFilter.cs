using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server gives every request the same (empty) client address. This puts the address a test
/// client claims in <see cref="Header"/> on the connection, ahead of the app's own pipeline, so per-address limits
/// see distinct clients without relying on how the app treats proxy headers.
/// </summary>
internal sealed class ClientAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
