using System.Text.RegularExpressions;

namespace Portal.Web.Features.Chat.Ui;

/// <summary>One piece of a chat message: plain text, or an http(s) address to show as a link.</summary>
public sealed record TextRun(string Text, bool IsLink);

/// <summary>
/// Splits a message into plain runs and http(s) address runs, so the message list renders each run as text (which
/// Blazor encodes) or as a link whose address is the run itself. Never markup: a message cannot add HTML.
/// </summary>
public static partial class ChatLinks
{
    // Punctuation that ends a sentence is not part of the address ("see https://a.example/x.").
    private static readonly char[] _trailing = ['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"'];

    public static IReadOnlyList<TextRun> Split(string text)
    {
        var runs = new List<TextRun>();
        var at = 0;
        foreach (Match match in Address().Matches(text))
        {
            var address = match.Value.TrimEnd(_trailing);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                continue;
            }

            if (match.Index > at)
            {
                runs.Add(new(text[at..match.Index], false));
            }

            runs.Add(new(address, true));
            at = match.Index + address.Length;
        }

        if (at < text.Length)
        {
            runs.Add(new(text[at..], false));
        }

        return runs;
    }

    // An address ends at white space, markup characters and Chinese punctuation (written with no space after it).
    [GeneratedRegex(@"https?://[^\s<>""，。；：！？（）、「」《》]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Address();
}
