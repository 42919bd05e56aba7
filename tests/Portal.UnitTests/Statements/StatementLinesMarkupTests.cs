using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Statements;
using Portal.Web.Resources;

namespace Portal.UnitTests.Statements;

public sealed class StatementLinesMarkupTests
{
    private static readonly StringLocalizer<StatementsText> L =
        new(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static TransactionLine Line(long id, string reference, string? product, TransactionStatus status) => new(
        id, reference, new DateOnly(2026, 10, 9), "880000000003-1", TransactionType.Subscription, status, "000505", product,
        1_234.5m, 2.1450m, 1_234_567_89, 15_00, 0, status == TransactionStatus.Failed ? FailureReason.AfterCutOff : null, null, null,
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void Each_line_is_one_row_with_every_cell_of_the_statement_table()
    {
        using var culture = new CultureScope("en");
        var rows = StatementLinesMarkup.Rows([Line(7, "T1", "Growth Equity", TransactionStatus.Confirmed), Line(8, "T2", "Bond", TransactionStatus.Pending)], L);

        Assert.Equal(2, rows.Count);
        Assert.Equal(
            "<tr><td>2026-10-09</td><td><a href=\"/transactions?id=7\">T1</a></td><td>Subscription</td><td>Growth Equity</td>" +
            "<td style=\"text-align:right\">1,234.50</td><td style=\"text-align:right\">¥1,234,567.89</td>" +
            "<td style=\"text-align:right\">¥15.00</td><td>Confirmed</td></tr>",
            rows[0].Value);
        Assert.Contains("<td>Pending</td>", rows[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_line_is_marked_in_the_error_colour() =>
        Assert.EndsWith("<td class=\"mud-error-text\">Failed</td></tr>", RowIn("en", Line(1, "T1", "Fund", TransactionStatus.Failed)), StringComparison.Ordinal);

    [Fact]
    public void Imported_text_is_encoded_so_it_cannot_become_markup()
    {
        var row = RowIn("en", Line(1, "<b>T1</b>", "<script>alert('x')</script>\"&", TransactionStatus.Confirmed));

        Assert.Contains(">&lt;b&gt;T1&lt;/b&gt;</a>", row, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&amp;</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_stays_readable_and_labels_follow_the_reader_language()
    {
        var row = RowIn("zh-Hans", Line(1, "T1", "成长精选股票", TransactionStatus.Confirmed));

        Assert.Contains("<td>成长精选股票</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>申购</td>", row, StringComparison.Ordinal);
    }

    private static string RowIn(string culture, TransactionLine line)
    {
        using var scope = new CultureScope(culture);
        return StatementLinesMarkup.Rows([line], L)[0].Value;
    }
}
