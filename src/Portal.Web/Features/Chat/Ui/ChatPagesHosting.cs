using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Features.Chat.Ui;

public static class ChatPagesHosting
{
    /// <summary>What the chat pages need beyond the chat service: a circuit's reconnects, per circuit.</summary>
    public static IHostApplicationBuilder AddChatPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircuitReconnects>();
        builder.Services.AddScoped<CircuitHandler>(services => services.GetRequiredService<CircuitReconnects>());
        return builder;
    }
}
