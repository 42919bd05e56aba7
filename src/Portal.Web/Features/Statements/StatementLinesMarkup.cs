using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Statements;

/// <summary>
/// The rows of a statement's transaction table as markup, one piece per row. A month can hold hundreds of lines;
/// written as components they cost thousands of render frames per request, written here one frame a row. (One piece for
/// the whole table would land on the large-object heap and bring on full garbage collections.) Every value is HTML-encoded.
/// </summary>
public static class StatementLinesMarkup
{
    // Keeps Chinese text readable in the page source instead of turning every character into an entity.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IReadOnlyList<MarkupString> Rows(IReadOnlyList<TransactionLine> lines, IStringLocalizer<StatementsText> l)
    {
        var types = Enum.GetValues<TransactionType>().ToDictionary(t => t, t => Encoder.Encode(StatementFormat.Type(l, t)));
        var statuses = Enum.GetValues<TransactionStatus>().ToDictionary(s => s, s => Encoder.Encode(StatementFormat.Status(l, s)));
        var rows = new List<MarkupString>(lines.Count);
        var html = new StringBuilder(512);
        foreach (var t in lines)
        {
            html.Clear().Append("<tr><td>").Append(StatementFormat.Date(t.TradeDate))
                .Append("</td><td><a href=\"/transactions?id=").Append(t.Id).Append("\">").Append(Encoder.Encode(t.Reference))
                .Append("</a></td><td>").Append(types[t.Type])
                .Append("</td><td>").Append(Encoder.Encode(t.ProductName ?? ""))
                .Append("</td><td style=\"text-align:right\">").Append(StatementFormat.Units(t.Units))
                .Append("</td><td style=\"text-align:right\">").Append(Encoder.Encode(Money.Format(t.AmountFen)))
                .Append("</td><td style=\"text-align:right\">").Append(Encoder.Encode(Money.Format(t.FeeFen)))
                .Append(t.Status == TransactionStatus.Failed ? "</td><td class=\"mud-error-text\">" : "</td><td>").Append(statuses[t.Status])
                .Append("</td></tr>");
            rows.Add(new MarkupString(html.ToString()));
        }

        return rows;
    }
}
