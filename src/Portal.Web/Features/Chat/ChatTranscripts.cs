using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Features.Chat;

/// <summary>A conversation as its transcript shows it.</summary>
internal sealed record Transcript(ConversationView View, IReadOnlyList<ChatMessage> Messages);

/// <summary>
/// The transcript downloads, <c>/chat/{id}/transcript.txt</c> and <c>.pdf</c>: for the conversation's participants and
/// supervisors (whoever <see cref="ChatService.GetConversationAsync"/> shows it to); anyone else gets a plain 404.
/// Times are in the portal's time zone, texts in the request's language; the PDF embeds the Chinese font.
/// </summary>
internal sealed partial class ChatTranscripts(ChatService chat, IStringLocalizer<ChatText> text, IOptions<PortalOptions> portal)
{
    private const double Margin = 40;
    private const double Line = 13;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/chat/{conversationId}").RequireAuthorization();
        group.MapGet("/transcript.txt", async (string conversationId, HttpContext http, ChatTranscripts transcripts, CancellationToken ct) =>
            await transcripts.LoadAsync(http.GetActor(), conversationId, ct) is { } t
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(transcripts.Text(t))).ToArray(), "text/plain; charset=utf-8", $"chat-{conversationId}.txt")
                : Results.NotFound());
        group.MapGet("/transcript.pdf", async (string conversationId, HttpContext http, ChatTranscripts transcripts, CancellationToken ct) =>
            await transcripts.LoadAsync(http.GetActor(), conversationId, ct) is { } t
                ? Results.File(transcripts.Pdf(t), "application/pdf", $"chat-{conversationId}.pdf")
                : Results.NotFound());
    }

    public async Task<Transcript?> LoadAsync(Actor actor, string conversationId, CancellationToken cancellationToken)
    {
        ConversationView? view;
        try
        {
            view = await chat.GetConversationAsync(actor, conversationId, cancellationToken);
        }
        catch (ActorForbiddenException)
        {
            return null;
        }

        if (view is null)
        {
            return null;
        }

        var messages = new List<ChatMessage>();
        while (true)
        {
            var page = await chat.HistoryAsync(actor, conversationId, messages.Count == 0 ? 0 : messages[^1].Sequence, cancellationToken);
            messages.AddRange(page);
            if (page.Count < ChatLimits.MaxHistory)
            {
                return new(view, messages);
            }
        }
    }

    public string Text(Transcript transcript)
    {
        var builder = new StringBuilder();
        foreach (var line in Header(transcript))
        {
            builder.Append(line).Append('\n');
        }

        builder.Append('\n');
        foreach (var message in transcript.Messages)
        {
            builder.Append(CultureInfo.InvariantCulture, $"[{Time(message.SentAt)}] {Sender(message)}: ");
            builder.Append(message.Text.Replace("\n", "\n    ", StringComparison.Ordinal)).Append('\n');
        }

        return builder.ToString();
    }

    public byte[] Pdf(Transcript transcript)
    {
        PdfFontResolver.EnsureInstalled();
        var writer = new PdfWriter(text["Transcript.Title"]);
        writer.Title(text["Transcript.Title"] + " · " + transcript.View.Ticket.ConversationId);
        foreach (var line in Header(transcript).Skip(1))
        {
            writer.Paragraph(line, writer.Body);
        }

        writer.Gap();
        foreach (var message in transcript.Messages)
        {
            writer.Paragraph($"[{Time(message.SentAt)}] {Sender(message)}", writer.Bold);
            foreach (var paragraph in message.Text.Split('\n'))
            {
                writer.Paragraph(paragraph, writer.Body, indent: 12);
            }

            writer.Gap();
        }

        return writer.Finish(text);
    }

    private IEnumerable<string> Header(Transcript transcript)
    {
        var view = transcript.View;
        yield return text["Transcript.Title"];
        yield return $"{text["Transcript.Reference"]}: {view.Ticket.ConversationId}";
        yield return $"{text["Transcript.Topic"]}: {text["Topic." + view.Ticket.Topic]}";
        yield return $"{text["Transcript.Client"]}: {view.InvestorName}";
        if (view.Ticket.AgentName is { } agent)
        {
            yield return $"{text["Transcript.Agent"]}: {agent}";
        }

        yield return $"{text["Transcript.Started"]}: {Time(view.QueuedAt)}";
        if (transcript.Messages.Count > 0 && view.Ticket.Status == ChatStatus.Ended)
        {
            yield return $"{text["Transcript.Ended"]}: {Time(transcript.Messages[^1].SentAt)}";
        }
    }

    private string Sender(ChatMessage message) => message.Sender == ChatParty.System ? text["Party.System"] : message.SenderName;

    private string Time(DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(portal.Value.DefaultTimeZone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>A4 pages of wrapped, mixed-script paragraphs.</summary>
    private sealed partial class PdfWriter
    {
        private PdfDocument Document { get; } = new();
        private XGraphics? _gfx;
        private double _y;

        public PdfWriter(string title)
        {
            Document.Info.Title = title;
            NewPage();
        }

        public PdfStyle Body { get; } = new(9, bold: false);

        public PdfStyle Bold { get; } = new(9, bold: true);

        private static double Width => XUnit.FromMillimeter(210).Point - (2 * Margin);

        private static double Bottom => XUnit.FromMillimeter(297).Point - Margin - 20;

        private XGraphics Gfx => _gfx!;

        public void Title(string title)
        {
            PdfMixedText.Draw(Gfx, title, new PdfStyle(14, bold: true), XBrushes.DarkSlateBlue, new XRect(Margin, _y, Width, 18), right: false);
            _y += 24;
        }

        public void Gap() => _y += Line / 2;

        /// <summary>Writes the text wrapped to the page width, on as many lines (and pages) as it needs.</summary>
        public void Paragraph(string paragraph, PdfStyle style, double indent = 0)
        {
            var width = Width - indent;
            var line = "";
            foreach (Match token in Tokens().Matches(paragraph))
            {
                var candidate = line + token.Value;
                if (line.Length > 0 && PdfMixedText.Measure(Gfx, candidate, style) > width)
                {
                    WriteLine(line.TrimEnd(), style, indent);
                    line = token.Value.TrimStart();
                    while (line.Length > 1 && PdfMixedText.Measure(Gfx, line, style) > width)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && PdfMixedText.Measure(Gfx, line[..cut], style) > width)
                        {
                            cut--;
                        }

                        WriteLine(line[..cut], style, indent);
                        line = line[cut..];
                    }
                }
                else
                {
                    line = candidate;
                }
            }

            WriteLine(line.TrimEnd(), style, indent);
        }

        public byte[] Finish(IStringLocalizer<ChatText> text)
        {
            var count = Document.PageCount;
            _gfx?.Dispose();
            for (var i = 0; i < count; i++)
            {
                using var gfx = XGraphics.FromPdfPage(Document.Pages[i], XGraphicsPdfPageOptions.Append);
                var footer = text["Transcript.Page", i + 1, count].Value;
                var left = Margin + ((Width - PdfMixedText.Measure(gfx, footer, Body)) / 2);
                PdfMixedText.Draw(gfx, footer, Body, XBrushes.Gray, new XRect(left, Bottom + 8, Width, 12), right: false);
            }

            using var stream = new MemoryStream();
            Document.Save(stream, closeStream: false);
            return stream.ToArray();
        }

        private void WriteLine(string line, PdfStyle style, double indent)
        {
            if (_y + Line > Bottom)
            {
                NewPage();
            }

            PdfMixedText.Draw(Gfx, line, style, XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, Line), right: false);
            _y += Line;
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _gfx = XGraphics.FromPdfPage(Document.AddPage());
            _y = Margin;
        }

        // A space, one Chinese character (a line may break after any), or a run of other characters.
        [GeneratedRegex(@"\s+|[\u2E80-\uFFFF]|[^\s\u2E80-\uFFFF]+")]
        private static partial Regex Tokens();
    }
}
