using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Notifications.Preferences;

namespace Portal.Web.Features.Notifications.Sms;

/// <summary>A reply to one of the portal's SMS, as the provider posts it.</summary>
public sealed record InboundSms(string? From, string? Text);

/// <summary>
/// <c>POST /sms/inbound</c>: the SMS provider posts replies here (<c>{"from": "...", "text": "..."}</c>, its key in the
/// <c>Sms:ApiKeyHeader</c> header, checked against <c>Sms:InboundKey</c>). A reply of STOP (or TD, 退订, UNSUBSCRIBE, in any
/// case) turns SMS off for every optional topic of the person with that number; anything else is ignored.
/// </summary>
internal static class SmsInboundEndpoint
{
    public const string Path = "/sms/inbound";
    public const int MaxText = 1_000;
    private const int MaxNumber = 32;
    private static readonly string[] StopWords = ["STOP", "TD", "退订", "UNSUBSCRIBE"];

    public static void MapSmsInbound(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext http, IOptions<SmsOptions> options, NotificationPreferences preferences,
            CancellationToken cancellationToken) =>
        {
            var settings = options.Value;
            if (string.IsNullOrEmpty(settings.InboundKey))
            {
                return Problem(StatusCodes.Status404NotFound, "not-found");
            }

            if (!KeyMatches(http.Request.Headers[settings.ApiKeyHeader].ToString(), settings.InboundKey))
            {
                return Problem(StatusCodes.Status401Unauthorized, "unauthorized");
            }

            var reply = await ReadAsync(http.Request, cancellationToken);
            if (reply is not { From: { Length: > 0 and <= MaxNumber } from, Text: { Length: <= MaxText } text })
            {
                return Problem(StatusCodes.Status400BadRequest, $"from (at most {MaxNumber} characters) and text (at most {MaxText}) are required");
            }

            var stopped = IsStop(text) ? await preferences.StopSmsAsync(from.Trim(), cancellationToken) : 0;
            return Results.Ok(new { stopped });
        }).AllowAnonymous().DisableAntiforgery();
    }

    // With a body of its own: the status pages would otherwise re-run the POST as a page (and answer 400 for its antiforgery).
    private static IResult Problem(int status, string error) => Results.Json(new { error }, statusCode: status);

    private static async Task<InboundSms?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return request.HasJsonContentType() ? await request.ReadFromJsonAsync<InboundSms>(cancellationToken) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static bool IsStop(string text) => StopWords.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    private static bool KeyMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
