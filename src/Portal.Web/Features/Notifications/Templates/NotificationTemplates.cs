using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Microsoft.Extensions.Localization;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Features.Notifications.Templates;

/// <summary>A notification in one language, ready for each channel.</summary>
public sealed record RenderedNotification(string Subject, string Text, string Html, string Sms);

/// <summary>A template file's three parts (see the README, "Notifications": <c>{name}.{culture}.md</c>).</summary>
internal sealed record NotificationTemplate(string Subject, string Sms, string Body);

/// <summary>
/// The notification templates: Markdown files in Features/Notifications/Templates, one per template and culture, shipped
/// inside the assembly. A file starts with <c>subject:</c> and <c>sms:</c> lines, then <c>---</c>, then the Markdown body;
/// <c>{name}</c> placeholders take the values the feature passed. Raw HTML in a template is not rendered, and every value
/// is escaped, so a value never becomes markup or a link.
/// </summary>
public sealed partial class NotificationTemplates(IStringLocalizer<NotificationsText> text)
{
    private const string ResourcePrefix = "Portal.Web.Notifications.Templates.";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private readonly ConcurrentDictionary<string, NotificationTemplate?> _cache = new(StringComparer.Ordinal);

    /// <summary>The names of every template shipped (each should exist in every supported culture).</summary>
    public static IReadOnlyList<(string Name, string Culture)> Shipped() =>
        typeof(NotificationTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^3])
            .Select(n => LocalizationHosting.SupportedCultures.FirstOrDefault(c => n.EndsWith("." + c, StringComparison.Ordinal)) is { } culture
                ? (n[..^(culture.Length + 1)], culture)
                : (n, ""))
            .ToList();

    /// <summary>
    /// Renders <paramref name="template"/> in <paramref name="culture"/> (falling back to English), with the link to what it is
    /// about and, for optional topics, the unsubscribe link appended to the e-mail and SMS bodies.
    /// </summary>
    public RenderedNotification Render(string template, string culture, IReadOnlyDictionary<string, string> values, Uri? link, Uri? unsubscribe)
    {
        var file = Find(template, culture);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var subject = Fill(file.Subject, culture, values, static v => v);
            var body = Fill(file.Body, culture, values, static v => v).Trim();
            var htmlBody = Markdown.ToHtml(Fill(file.Body, culture, values, EscapeMarkdown), Pipeline);
            var sms = Fill(file.Sms, culture, values, static v => v);

            var textBuilder = new StringBuilder(body).Append("\n\n");
            var htmlBuilder = new StringBuilder("<!DOCTYPE html><html><body>").Append(htmlBody);
            if (link is not null)
            {
                textBuilder.Append(text["OpenInPortal"].Value).Append(' ').Append(link.AbsoluteUri).Append('\n');
                htmlBuilder.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\">")
                    .Append(WebUtility.HtmlEncode(text["OpenInPortal"].Value)).Append("</a></p>");
                sms += " " + link.AbsoluteUri;
            }

            if (unsubscribe is not null)
            {
                textBuilder.Append('\n').Append(text["EmailUnsubscribe"].Value).Append(' ').Append(unsubscribe.AbsoluteUri).Append('\n');
                htmlBuilder.Append("<hr><p style=\"font-size:small\">").Append(WebUtility.HtmlEncode(text["EmailUnsubscribe"].Value))
                    .Append(" <a href=\"").Append(WebUtility.HtmlEncode(unsubscribe.AbsoluteUri)).Append("\">")
                    .Append(WebUtility.HtmlEncode(text["UnsubscribeLinkText"].Value)).Append("</a></p>");
                sms += "\n" + text["SmsUnsubscribe", unsubscribe.AbsoluteUri].Value;
            }

            htmlBuilder.Append("</body></html>");
            return new RenderedNotification(subject, textBuilder.ToString(), htmlBuilder.ToString(), sms);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The template's subject and body in <paramref name="culture"/> without links (the inbox shows them).</summary>
    public (string Subject, string Body) RenderForInbox(string template, string culture, IReadOnlyDictionary<string, string> values)
    {
        var file = Find(template, culture);
        return (Fill(file.Subject, culture, values, static v => v), Fill(file.Body, culture, values, static v => v).Trim());
    }

    /// <summary>The template in <paramref name="culture"/>, else in English; a name with no file at all is an error.</summary>
    private NotificationTemplate Find(string template, string culture) =>
        Load(template, culture) ?? Load(template, LocalizationHosting.SupportedCultures[0])
        ?? throw new InvalidOperationException($"There is no notification template '{template}'.");

    internal NotificationTemplate? Load(string template, string culture) => _cache.GetOrAdd($"{template}.{culture}", static key =>
    {
        using var stream = typeof(NotificationTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + key + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(key, reader.ReadToEnd());
    });

    internal static NotificationTemplate Parse(string name, string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var separator = Array.IndexOf(lines, "---");
        if (separator < 0)
        {
            throw new InvalidOperationException($"Notification template '{name}' has no '---' line between its header and its body.");
        }

        string Header(string field) => lines.Take(separator)
            .Where(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Select(l => l[(field.Length + 1)..].Trim())
            .SingleOrDefault() ?? throw new InvalidOperationException($"Notification template '{name}' has no '{field}:' line.");

        return new NotificationTemplate(Header("subject"), Header("sms"), string.Join('\n', lines.Skip(separator + 1)));
    }

    private static string Fill(string source, string culture, IReadOnlyDictionary<string, string> values, Func<string, string> encode) =>
        Placeholder().Replace(source, match => values.TryGetValue($"{match.Groups[1].Value}.{culture}", out var value) || values.TryGetValue(match.Groups[1].Value, out value)
            ? encode(value)
            : throw new InvalidOperationException($"No value for placeholder '{{{match.Groups[1].Value}}}'."));

    /// <summary>Backslash-escapes every ASCII punctuation character, so a value is shown as it is, never as Markdown.</summary>
    private static string EscapeMarkdown(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || c > 127 || char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
