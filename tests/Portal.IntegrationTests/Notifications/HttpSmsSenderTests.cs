using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Notifications.Sms;

namespace Portal.IntegrationTests.Notifications;

/// <summary>The HTTP SMS provider adapter against a real HTTP listener on loopback.</summary>
public sealed class HttpSmsSenderTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Uri _endpoint;
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    private IHttpClientFactory Clients => _services.GetRequiredService<IHttpClientFactory>();

    public HttpSmsSenderTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _endpoint = new Uri($"http://127.0.0.1:{port}/sms/");
        _listener.Prefixes.Add(_endpoint.AbsoluteUri);
        _listener.Start();
    }

    [Fact]
    public async Task A_message_is_posted_as_json_with_the_api_key_header()
    {
        var sender = new HttpSmsSender(Clients, Options.Create(new SmsOptions { Provider = SmsProvider.Http, Endpoint = _endpoint, ApiKeyHeader = "X-Provider-Key", ApiKey = "key-123" }));

        var sending = sender.SendAsync(new SmsMessage("+8613800000000", "门户：您的对账单已生成。"));
        var context = await _listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
        var key = context.Request.Headers["X-Provider-Key"];
        context.Response.StatusCode = 202;
        context.Response.Close();
        await sending;

        Assert.Equal("POST", context.Request.HttpMethod);
        Assert.Equal("key-123", key);
        Assert.StartsWith("application/json", context.Request.ContentType, StringComparison.Ordinal);
        Assert.Equal("+8613800000000", body.GetProperty("to").GetString());
        Assert.Equal("门户：您的对账单已生成。", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_refusal_by_the_provider_is_a_failed_attempt()
    {
        var sender = new HttpSmsSender(Clients, Options.Create(new SmsOptions { Provider = SmsProvider.Http, Endpoint = _endpoint, ApiKey = "wrong" }));

        var sending = sender.SendAsync(new SmsMessage("+8613800000000", "x"));
        var context = await _listener.GetContextAsync();
        context.Response.StatusCode = 401;
        context.Response.Close();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sending);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public void The_http_provider_without_an_endpoint_or_a_key_is_refused_at_start()
    {
        var results = new SmsOptions { Provider = SmsProvider.Http }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object()));

        Assert.NotEmpty(results);
    }

    public void Dispose()
    {
        ((IDisposable)_listener).Dispose();
        _services.Dispose();
    }
}
