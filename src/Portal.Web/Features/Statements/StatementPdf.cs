using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Features.Statements;

/// <summary>The statement as an A4 PDF: firm header on every page, summary, holdings, transactions, page numbers.</summary>
public sealed class StatementPdf(
    IStringLocalizer<StatementsText> l, IStringLocalizer<UiText> ui, IOptions<PortalOptions> portal, IOptions<StatementPdfOptions> options, StatementCalendar calendar)
{
    private const double Margin = 40;
    private const double Line = 14;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public byte[] Write(StatementDocument doc)
    {
        CjkFontResolver.EnsureInstalled(options.Value.PdfSharpLicenseKey);
        var writer = new PageWriter(doc, l, ui, portal.Value.BrandName, calendar);
        writer.Render();
        using var stream = new MemoryStream();
        writer.Document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class PageWriter(
        StatementDocument doc, IStringLocalizer<StatementsText> text, IStringLocalizer<UiText> ui, string brand, StatementCalendar calendar)
    {
        private readonly XFont _title = new(CjkFontResolver.Family, 16, XFontStyleEx.Bold, Unicode);
        private readonly XFont _heading = new(CjkFontResolver.Family, 11, XFontStyleEx.Bold, Unicode);
        private readonly XFont _body = new(CjkFontResolver.Family, 8.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _bold = new(CjkFontResolver.Family, 8.5, XFontStyleEx.Bold, Unicode);
        private XGraphics? _gfx;
        private double _y;

        public PdfDocument Document { get; } = new();

        private IStringLocalizer<StatementsText> L => text;

        private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page.");

        private static double Width => XUnit.FromMillimeter(210).Point - (2 * Margin);

        public void Render()
        {
            Document.Info.Title = L["Statement.Title", StatementFormat.MonthName(doc.Month)];
            Document.Info.Author = brand;
            NewPage();
            Client();
            Summary();
            Holdings();
            Transactions();
            Text(L["Statement.Footer"], _body, 0, Width);
            _gfx?.Dispose();
            Footers();
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = Document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            Gfx.DrawString(brand, _title, XBrushes.DarkSlateBlue, new XPoint(Margin, _y + 12));
            Gfx.DrawString(L["Statement.Document"] + " · " + StatementFormat.MonthName(doc.Month), _heading, XBrushes.Black,
                new XRect(Margin, _y, Width, 16), XStringFormats.TopRight);
            _y += 24;
            Gfx.DrawLine(XPens.DarkSlateBlue, Margin, _y, Margin + Width, _y);
            _y += 10;
        }

        private void Footers()
        {
            var count = Document.PageCount;
            for (var i = 0; i < count; i++)
            {
                var page = Document.Pages[i];
                using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var bottom = page.Height.Point - Margin + 10;
                gfx.DrawString(L["Statement.Page", i + 1, count], _body, XBrushes.Gray, new XRect(Margin, bottom, Width, 12), XStringFormats.TopCenter);
            }
        }

        private void Ensure(double height)
        {
            if (_y + height > XUnit.FromMillimeter(297).Point - Margin - 20)
            {
                NewPage();
            }
        }

        private void Text(string text, XFont font, double x, double width, XStringFormat? format = null)
        {
            Ensure(Line);
            Gfx.DrawString(Fit(text, font, width), font, XBrushes.Black, new XRect(Margin + x, _y, width, Line), format ?? XStringFormats.TopLeft);
            _y += Line;
        }

        private string Fit(string text, XFont font, double width)
        {
            if (Gfx.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            var cut = text;
            while (cut.Length > 1 && Gfx.MeasureString(cut + "…", font).Width > width)
            {
                cut = cut[..^1];
            }

            return cut + "…";
        }

        private void Heading(string text)
        {
            Ensure(Line * 3);
            _y += 6;
            Gfx.DrawString(text, _heading, XBrushes.DarkSlateBlue, new XPoint(Margin, _y + 11));
            _y += Line + 4;
        }

        private void Pair(string label, string value, bool strong = false)
        {
            Ensure(Line);
            Gfx.DrawString(label, strong ? _bold : _body, XBrushes.Black, new XRect(Margin, _y, 250, Line), XStringFormats.TopLeft);
            Gfx.DrawString(value, strong ? _bold : _body, XBrushes.Black, new XRect(Margin + 250, _y, 140, Line), XStringFormats.TopRight);
            _y += Line;
        }

        private void Client()
        {
            var h = doc.Header;
            var from = StatementFormat.Date(doc.Month);
            var to = StatementFormat.Date(doc.Month.AddMonths(1).AddDays(-1));
            Text(L["Statement.Period", from, to], _bold, 0, Width);
            Text($"{L["Statement.Client"]}: {h.Name}    {L["Statement.ClientNumber"]}: {h.AccountNumber}    {L["Statement.IdNumber"]}: {h.MaskedIdNumber}", _body, 0, Width);
            Text($"{L["Statement.Accounts"]}: {string.Join(", ", h.AccountNumbers)}    {L["Statement.Tier"]}: {ui["Tier." + h.Tier]}", _body, 0, Width);
            Text($"{L["Statement.Generated"]}: {calendar.Local(doc.GeneratedAt):yyyy-MM-dd HH:mm}", _body, 0, Width);
        }

        private void Summary()
        {
            var f = doc.Figures;
            Heading(L["Statement.Summary"]);
            Pair(L["Statement.Opening"], Money.Format(f.Opening));
            Pair(L["Statement.Deposits"], Money.Format(f.Deposits));
            Pair(L["Statement.Withdrawals"], Money.Format(-f.Withdrawals));
            Pair(L["Statement.Realised"], Money.Format(f.Realised));
            Pair(L["Statement.Unrealised"], Money.Format(f.Unrealised));
            Pair(L["Statement.Dividends"], Money.Format(f.Dividends));
            Pair(L["Statement.Fees"], Money.Format(-f.Fees));
            Pair(L["Statement.Closing"], Money.Format(f.Closing), strong: true);
            Pair(L["Statement.Cash"], Money.Format(doc.ClosingCashFen));
            if (doc.Lots > 0)
            {
                Pair(L["Statement.Lots"], doc.Lots.ToString(System.Globalization.CultureInfo.CurrentCulture));
            }

            Text(L["Statement.Check"], _body, 0, Width);
        }

        private void Table(string[] headers, double[] widths, bool[] right, IEnumerable<string[]> rows)
        {
            void Row(string[] cells, XFont font)
            {
                Ensure(Line);
                var x = Margin;
                for (var c = 0; c < cells.Length; c++)
                {
                    Gfx.DrawString(Fit(cells[c], font, widths[c] - 4), font, XBrushes.Black, new XRect(x, _y, widths[c] - 4, Line),
                        right[c] ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    x += widths[c];
                }

                _y += Line;
            }

            Row(headers, _bold);
            Gfx.DrawLine(XPens.Gray, Margin, _y - 2, Margin + Width, _y - 2);
            foreach (var row in rows)
            {
                if (_y + Line > XUnit.FromMillimeter(297).Point - Margin - 20)
                {
                    NewPage();
                    Row(headers, _bold);
                }

                Row(row, _body);
            }
        }

        private void Holdings()
        {
            Heading(L["Statement.Holdings"]);
            if (doc.Holdings.Count == 0)
            {
                Text(L["Statement.NoHoldings"], _body, 0, Width);
                return;
            }

            Table(
                [L["Holding.Code"], L["Holding.Product"], L["Holding.Risk"], L["Holding.Units"], L["Holding.Nav"], L["Holding.Cost"], L["Holding.Value"]],
                [45, 140, 35, 70, 50, 85, 90],
                [false, false, false, true, true, true, true],
                doc.Holdings.Select(h => new[]
                {
                    h.ProductCode, h.ProductName, h.Risk.ToString(), StatementFormat.Units(h.Units), StatementFormat.Nav(h.Nav),
                    Money.Format(h.CostFen), Money.Format(h.MarketValueFen),
                }));
        }

        private void Transactions()
        {
            Heading(L["Statement.Transactions"]);
            if (doc.Transactions.Count == 0)
            {
                Text(L["Statement.NoTransactions"], _body, 0, Width);
                return;
            }

            Table(
                [L["Txn.Date"], L["Txn.Reference"], L["Txn.Type"], L["Txn.Product"], L["Txn.Units"], L["Txn.Amount"], L["Txn.Fee"], L["Txn.Status"]],
                [55, 85, 60, 95, 55, 70, 45, 50],
                [false, false, false, false, true, true, true, false],
                doc.Transactions.Select(t => new[]
                {
                    StatementFormat.Date(t.TradeDate), t.Reference, StatementFormat.Type(L, t.Type), t.ProductName ?? "",
                    StatementFormat.Units(t.Units), Money.Format(t.AmountFen), Money.Format(t.FeeFen), StatementFormat.Status(L, t.Status),
                }));
        }
    }
}
