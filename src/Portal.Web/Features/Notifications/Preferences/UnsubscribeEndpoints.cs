using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Notifications.Preferences;

/// <summary>
/// <c>/unsubscribe?topic=…&amp;token=…</c>, without signing in. GET asks (mail scanners open links, so it changes nothing);
/// POST unsubscribes: the page's button, and mail clients' one-click (RFC 8058 <c>List-Unsubscribe-Post</c>).
/// </summary>
internal static class UnsubscribeEndpoints
{
    public static void MapUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(UnsubscribeTokens.Path, (string? topic, string? token, UnsubscribeTokens tokens, IStringLocalizer<NotificationsText> text, HttpContext http) =>
        {
            if (Read(topic, token, tokens) is not { } request)
            {
                return Invalid(text);
            }

            var action = WebUtility.HtmlEncode(http.Request.Path + http.Request.QueryString);
            return Page(text, StatusCodes.Status200OK, text["UnsubscribeAsk", TopicName(text, request.Topic)],
                $"<form method=\"post\" action=\"{action}\"><button type=\"submit\">{WebUtility.HtmlEncode(text["UnsubscribeConfirm"])}</button></form>");
        }).AllowAnonymous();

        endpoints.MapPost(UnsubscribeTokens.Path, async ([FromQuery] string? topic, [FromQuery] string? token, UnsubscribeTokens tokens,
            NotificationPreferences preferences, IStringLocalizer<NotificationsText> text, CancellationToken cancellationToken) =>
        {
            if (Read(topic, token, tokens) is not { } request)
            {
                return Invalid(text);
            }

            await preferences.UnsubscribeAsync(request.UserId, request.Topic, cancellationToken);
            return Page(text, StatusCodes.Status200OK, text["UnsubscribeDone", TopicName(text, request.Topic)],
                $"<p><a href=\"/settings/notifications\">{WebUtility.HtmlEncode(text["UnsubscribeManage"])}</a></p>");
        }).AllowAnonymous().DisableAntiforgery();
    }

    /// <summary>The topic's name as people read it (the preferences page shows the same).</summary>
    public static string TopicName(IStringLocalizer<NotificationsText> text, NotificationTopic topic) => text[$"Topic.{topic}"];

    private static (string UserId, NotificationTopic Topic)? Read(string? topic, string? token, UnsubscribeTokens tokens) =>
        Enum.TryParse<NotificationTopic>(topic, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !TopicDefaults.IsRequired(parsed)
        && tokens.Read(token, parsed) is { } userId
            ? (userId, parsed)
            : null;

    private static IResult Invalid(IStringLocalizer<NotificationsText> text) =>
        Page(text, StatusCodes.Status400BadRequest, text["UnsubscribeInvalid"], "");

    private static IResult Page(IStringLocalizer<NotificationsText> text, int status, string message, string extra)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(CultureInfo.CurrentUICulture.Name).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(WebUtility.HtmlEncode(text["UnsubscribeTitle"])).Append("</title></head><body><main><h1>")
            .Append(WebUtility.HtmlEncode(text["UnsubscribeTitle"])).Append("</h1><p>").Append(WebUtility.HtmlEncode(message)).Append("</p>")
            .Append(extra).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
