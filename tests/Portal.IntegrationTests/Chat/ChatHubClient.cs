using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Admin.Settings;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Model;

namespace Portal.IntegrationTests.Chat;

/// <summary>
/// A hub client as a non-browser program uses it: the .NET SignalR client over WebSockets against the in-process
/// server, with the cookie of a real sign-in, recording every event it receives.
/// </summary>
internal sealed class ChatHubClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<(string Method, object Payload)> _received = [];

    private ChatHubClient(HubConnection connection, string email)
    {
        Connection = connection;
        Email = email;
        On<ChatMessage>(nameof(IChatClient.Message));
        On<QueueUpdate>(nameof(IChatClient.Queue));
        On<AssignedEvent>(nameof(IChatClient.Assigned));
        On<TypingEvent>(nameof(IChatClient.Typing));
        On<ReadEvent>(nameof(IChatClient.Read));
        On<EndedEvent>(nameof(IChatClient.Ended));
        On<ChatTicket>(nameof(IChatClient.Offered));
        On<QueueChangedEvent>(nameof(IChatClient.QueueChanged));
    }

    public HubConnection Connection { get; }

    public string Email { get; }

    public IReadOnlyList<ChatMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _received.Where(r => r.Method == nameof(IChatClient.Message)).Select(r => (ChatMessage)r.Payload)];
            }
        }
    }

    /// <summary>Signs in as <paramref name="email"/> through the login page and connects to the hub with that cookie.</summary>
    public static async Task<ChatHubClient> ConnectAsync(PortalApp app, string email, string password = DemoUsers.Password)
    {
        var client = new ChatHubClient(Build(app, await SignInAsync(app, email, password)), email);
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>A real sign-in's cookies.</summary>
    public static async Task<CookieContainer> SignInAsync(PortalApp app, string email, string password = DemoUsers.Password)
    {
        var cookies = new CookieContainer();
        using var http = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var response = await http.SignInAsync(email, password);
        var target = response.RedirectTarget();
        Assert.True(target is not null && !target.StartsWith("/Account/", StringComparison.Ordinal), $"Signing in as {email} failed: {response.StatusCode} {target}");
        return cookies;
    }

    /// <summary>A hub connection over WebSockets with these cookies (and, when given, this Origin header).</summary>
    public static HubConnection Build(PortalApp app, CookieContainer cookies, string? origin = null)
    {
        var server = app.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, ChatHosting.HubPath), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
                if (origin is not null)
                {
                    o.Headers["Origin"] = origin;
                }

                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var socket = server.CreateWebSocketClient();
                    socket.ConfigureRequest = request =>
                    {
                        request.Headers.Cookie = cookies.GetCookieHeader(server.BaseAddress);
                        if (origin is not null)
                        {
                            request.Headers.Origin = origin;
                        }
                    };
                    return await socket.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
    }

    /// <summary>The error code of a refused call (the part of the HubException's message before the first colon).</summary>
    public static async Task<string> ErrorOfAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        return CodeOf(error);
    }

    /// <summary>The code a client reads after <c>HubException: </c>.</summary>
    public static string CodeOf(HubException error)
    {
        const string Marker = "HubException: ";
        var at = error.Message.IndexOf(Marker, StringComparison.Ordinal);
        var message = at < 0 ? error.Message : error.Message[(at + Marker.Length)..];
        return message.Split(':')[0];
    }

    /// <summary>Ends every open chat and sets the whole desk Offline, so each test starts from a quiet desk.</summary>
    public static Task ResetAsync(PortalApp app) => app.WithDbAsync(async db =>
    {
        await db.Set<Conversation>().Where(c => c.State < ConversationState.Ended)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ConversationState.Ended).SetProperty(c => c.OfferedToUserId, (string?)null));
        return await db.Set<DeskPresence>().ExecuteUpdateAsync(u => u.SetProperty(p => p.Presence, AgentPresence.Offline));
    });

    /// <summary>A new investor user of that tier: an unused generated investor given a sign-in of its own.</summary>
    public static async Task<TestUser> NewInvestorAsync(PortalApp app, ClientTier tier)
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        await app.WithDbAsync(async db =>
        {
            var investor = await db.Set<Investor>().Where(i => i.UserId == null && i.Tier == tier).OrderBy(i => i.Id).FirstAsync();
            investor.UserId = user.Id;
            return await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>Saves the chat setting as the portal itself (an admin's change in the real app).</summary>
    public static async Task SetSettingsAsync(PortalApp app, Func<ChatSettings, ChatSettings> change)
    {
        var store = app.Services.GetRequiredService<SettingsStore>();
        var setting = app.Services.GetRequiredService<ChatSetting>();
        var current = await store.GetAsync(setting);
        await store.SaveAsync(Actor.System("tests"), setting, change(current.Value), current.Version);
    }

    public Task<ChatTicket> StartChatAsync(ChatTopic topic = ChatTopic.General, string? text = null) =>
        Connection.InvokeAsync<ChatTicket>("StartChat", new StartChatRequest(topic, text));

    public Task<ChatMessage> SendAsync(string conversationId, string text, string? clientMessageId = null) =>
        Connection.InvokeAsync<ChatMessage>("Send", new SendRequest(conversationId, clientMessageId ?? Guid.NewGuid().ToString(), text));

    public Task<ChatMessage[]> HistoryAsync(string conversationId, long afterSequence = 0) =>
        Connection.InvokeAsync<ChatMessage[]>("History", conversationId, afterSequence);

    public Task OnlineAsync() => Connection.InvokeAsync("SetPresence", AgentPresence.Online);

    public Task<ChatTicket> AcceptAsync(string conversationId) => Connection.InvokeAsync<ChatTicket>("Accept", conversationId);

    public Task EndAsync(string conversationId) => Connection.InvokeAsync("End", conversationId);

    /// <summary>Waits until an event of <paramref name="method"/> matching <paramref name="match"/> has arrived.</summary>
    public async Task<T> WaitForAsync<T>(string method, Func<T, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            lock (_lock)
            {
                foreach (var (m, payload) in _received)
                {
                    if (m == method && payload is T typed && (match?.Invoke(typed) ?? true))
                    {
                        return typed;
                    }
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"{Email} received no {method} in {Patience.TotalSeconds} s (got: {string.Join(", ", Received().Select(r => r.Method))}).");
            }

            await Task.Delay(20);
        }
    }

    public IReadOnlyList<(string Method, object Payload)> Received()
    {
        lock (_lock)
        {
            return [.. _received];
        }
    }

    public void Forget()
    {
        lock (_lock)
        {
            _received.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void On<T>(string method) => Connection.On<T>(method, payload =>
    {
        lock (_lock)
        {
            _received.Add((method, payload!));
        }
    });
}
