using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting;
using Portal.Web.Resources;
using UglyToad.PdfPig;

namespace Portal.UnitTests.Statements;

public sealed class StatementFilesTests
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static StatementDocument Document(int transactions) => new(
        new("赵国栋", "880000000003", "**************4171", ClientTier.Diamond, ["880000000003-1", "880000000003-2"]),
        new DateOnly(2026, 10, 1),
        new StatementFigures(1_000_000_00, 50_000_00, 20_000_00, 1_234_56, -567_89, 12_34, 99_00, 1_030_580_01),
        530_580_01, 12,
        [new("000505", "成长精选股票", ProductType.Equity, RiskLevel.R4, 1_000.00m, 2.1450m, 2_000_00, 2_145_00)],
        Enumerable.Range(1, transactions).Select(i => new TransactionLine(
            i, $"T20261001{i:D6}", new DateOnly(2026, 10, 1 + (i % 28)), "880000000003-1", TransactionType.Subscription,
            i % 50 == 0 ? TransactionStatus.Failed : TransactionStatus.Confirmed, "000505", "成长精选股票", 10.5m, 2.1450m, 1_000_00 + i, 1_50, 0,
            i % 50 == 0 ? FailureReason.InsufficientFunds : null, null, null, DateTimeOffset.UnixEpoch)).ToList(),
        new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));

    private static StatementPdf Pdf() => new(
        new StringLocalizer<StatementsText>(Factory), new StringLocalizer<UiText>(Factory),
        Options.Create(new PortalOptions { BrandName = "华信证券" }),
        new StatementCalendar(TimeProvider.System, Options.Create(new PortalOptions())));

    [Fact]
    public void Pdf_text_holds_the_firm_the_client_in_chinese_the_figures_and_page_numbers()
    {
        using var _ = new CultureScope("zh-Hans");
        var bytes = Pdf().Write(Document(500));

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages > 5);
        var first = pdf.GetPage(1).Text;
        Assert.Contains("华信证券", first, StringComparison.Ordinal);
        Assert.Contains("赵国栋", first, StringComparison.Ordinal);
        Assert.Contains("月度账户对账单", first, StringComparison.Ordinal);
        Assert.Contains("1,030,580.01", first, StringComparison.Ordinal);
        Assert.Contains($"第 1 页，共 {pdf.NumberOfPages} 页", first, StringComparison.Ordinal);
        var last = pdf.GetPage(pdf.NumberOfPages).Text;
        Assert.Contains("华信证券", last, StringComparison.Ordinal);
        Assert.Contains("T20261001000500", string.Concat(pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);

        // The fonts travel inside the file as TrueType subsets (ABCDEF+Name), Chinese in its own font.
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.Contains(fonts, f => Regex.IsMatch(f, @"^[A-Z]{6}\+Droid Sans Fallback$"));
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+", f));
        Assert.Equal(fonts.Count, Regex.Count(Encoding.Latin1.GetString(bytes), "/FontFile2"));
    }

    [Fact]
    public void Pdf_in_english_uses_english_labels()
    {
        using var _ = new CultureScope("en");
        using var pdf = PdfDocument.Open(Pdf().Write(Document(3)));
        var text = pdf.GetPage(1).Text;
        Assert.Contains("Closing value", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);
        Assert.Contains("成长精选股票", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_starts_with_a_byte_order_mark_and_keeps_chinese_text()
    {
        using var _ = new CultureScope("zh-Hans");
        var bytes = new StatementCsv(new StringLocalizer<StatementsText>(Factory)).Write(Document(2));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        Assert.StartsWith("日期,", text, StringComparison.Ordinal);
        Assert.Contains(",000505,成长精选股票,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public void Csv_is_one_table_with_its_header_on_the_first_line_and_a_row_per_transaction(string culture)
    {
        using var _ = new CultureScope(culture);
        var doc = Document(60);
        var bytes = new StatementCsv(new StringLocalizer<StatementsText>(Factory)).Write(doc);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes)), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.Parser[i]).ToArray());
        }

        var header = records[0];
        Assert.Equal(13, header.Length);
        Assert.All(header, name => Assert.False(string.IsNullOrWhiteSpace(name)));
        Assert.Equal(doc.Transactions.Count + 1, records.Count);
        Assert.All(records, r => Assert.Equal(header.Length, r.Length));
        var amount = Array.IndexOf(header, culture == "en" ? "Amount" : "金额");
        Assert.Equal(doc.Transactions.Select(t => (t.AmountFen / 100m).ToString("0.00", CultureInfo.InvariantCulture)), records.Skip(1).Select(r => r[amount]));
        Assert.Equal(doc.Transactions.Select(t => t.Reference), records.Skip(1).Select(r => r[1]));
    }
}
