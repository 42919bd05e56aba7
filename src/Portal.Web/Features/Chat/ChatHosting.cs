using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting;
using StackExchange.Redis;

namespace Portal.Web.Features.Chat;

/// <summary>Operator settings of the chat (section <c>Chat</c>); the desk's rules are the admin setting <see cref="ChatSetting"/>.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>How often the sweeper looks at offers, disconnected agents, idle chats and queue estimates.</summary>
    [Range(1, 60)]
    public int SweepIntervalSeconds { get; set; } = 5;
}

public static class ChatHosting
{
    public const string HubPath = "/hubs/chat";

    /// <summary>The chat service, its live events, the sweeper and the hub (with the Redis backplane when <c>Redis:Connection</c> is set).</summary>
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChatSetting>();
        services.AddSingleton<ChatService>();
        services.AddSingleton<CannedResponses>();
        services.AddSingleton<ChatEvents>();
        services.AddSingleton<ChatPublisher>();
        services.AddSingleton<ChatSweeper>();
        services.AddScoped<ChatTranscripts>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatSweeper>());
        services.AddSingleton<ChatConnections>();
        services.AddScoped<MessageRateLimiter>();

        var signalR = services.AddSignalR()
            .AddHubOptions<ChatHub>(o => o.AddFilter<ChatHubErrors>())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var redis = builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Connection)}"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("portal:chat"));
        }

        // The hub answers a missing sign-in with 401, never with the login page's redirect.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var redirect = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments(HubPath))
                {
                    WithoutStatusPage(context.HttpContext);
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                return redirect(context);
            };
        });
        return builder;
    }

    /// <summary>The hub at <c>/hubs/chat</c>, refusing browsers of a foreign origin (403), and the transcript downloads.</summary>
    public static WebApplication MapChat(this WebApplication app)
    {
        var publicOrigin = PublicOrigin(app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HubPath), hub => hub.Use(async (context, next) =>
        {
            // A browser always names the page's origin; a page elsewhere must not ride the portal's cookie (CSWSH).
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !string.Equals(origin.TrimEnd('/'), publicOrigin, StringComparison.OrdinalIgnoreCase))
            {
                WithoutStatusPage(context);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        }));
        app.MapHub<ChatHub>(HubPath);
        ChatTranscripts.Map(app);
        return app;
    }

    /// <summary>A machine endpoint answers with the bare status: the status page would re-run the hub's POST as a page (and fail it as 400).</summary>
    private static void WithoutStatusPage(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
    }

    private static string? PublicOrigin(string? publicBaseUrl) =>
        Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
