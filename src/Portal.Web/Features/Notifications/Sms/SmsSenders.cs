using System.ComponentModel.DataAnnotations;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Features.Notifications.Sms;

/// <summary>A text message to one mobile number.</summary>
public sealed record SmsMessage(string To, string Text);

/// <summary>The one way the portal sends text messages; one provider is configured (<c>Sms:Provider</c>).</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}

public enum SmsProvider
{
    /// <summary>Records each message in the database (admins see them on /admin/notifications); nothing is sent.</summary>
    Sink,

    /// <summary>POSTs each message as JSON to <see cref="SmsOptions.Endpoint"/> with an API key header.</summary>
    Http,
}

public sealed class SmsOptions : IValidatableObject
{
    public const string Section = "Sms";

    public SmsProvider Provider { get; set; } = SmsProvider.Sink;

    /// <summary>The provider's send URL (Http): receives <c>{"to": "...", "text": "..."}</c>.</summary>
    public Uri? Endpoint { get; set; }

    [Required]
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    public string? ApiKey { get; set; }

    /// <summary>
    /// The key the provider sends (in <see cref="ApiKeyHeader"/>) when it posts a reply to <c>/sms/inbound</c>; unset, that
    /// endpoint does not exist.
    /// </summary>
    public string? InboundKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == SmsProvider.Http && (Endpoint is not { IsAbsoluteUri: true } || string.IsNullOrWhiteSpace(ApiKey)))
        {
            yield return new ValidationResult("Sms:Provider is Http, so Sms:Endpoint (an absolute URL) and Sms:ApiKey must be set.",
                [nameof(Endpoint), nameof(ApiKey)]);
        }
    }
}

/// <summary>The development sink: keeps each message in the database instead of sending it.</summary>
internal sealed class SinkSmsSender(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(new SmsSinkMessage { To = message.To, Text = message.Text[..Math.Min(message.Text.Length, NotificationLimits.MaxSmsText)], At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A generic HTTP provider: a JSON POST with the API key in a header; any status but 2xx is a failed attempt.</summary>
internal sealed class HttpSmsSender(IHttpClientFactory clients, IOptions<SmsOptions> options) : ISmsSender
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var http = clients.CreateClient(nameof(HttpSmsSender));
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint)
        {
            Content = JsonContent.Create(new { to = message.To, text = message.Text }),
        };
        request.Headers.TryAddWithoutValidation(settings.ApiKeyHeader, settings.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS provider answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}
