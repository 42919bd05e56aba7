using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Web.Features.Statements;

/// <summary>The statement as an A4 PDF: firm header on every page, summary, holdings, transactions, page numbers.</summary>
public sealed class StatementPdf(
    IStringLocalizer<StatementsText> l, IStringLocalizer<UiText> ui, IOptions<PortalOptions> portal, StatementCalendar calendar)
{
    private const double Margin = 40;
    private const double Line = 14;

    public byte[] Write(StatementDocument doc)
    {
        PdfFontResolver.EnsureInstalled();
        var writer = new PageWriter(doc, l, ui, portal.Value.BrandName, calendar);
        writer.Render();
        using var stream = new MemoryStream();
        writer.Document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class PageWriter(
        StatementDocument doc, IStringLocalizer<StatementsText> text, IStringLocalizer<UiText> ui, string brand, StatementCalendar calendar)
    {
        private readonly PdfStyle _title = new(16, bold: true);
        private readonly PdfStyle _heading = new(11, bold: true);
        private readonly PdfStyle _body = new(8.5, bold: false);
        private readonly PdfStyle _bold = new(8.5, bold: true);
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
            PdfMixedText.Draw(Gfx, brand, _title, XBrushes.DarkSlateBlue, new XRect(Margin, _y, Width, 18), right: false);
            PdfMixedText.Draw(Gfx, L["Statement.Document"] + " · " + StatementFormat.MonthName(doc.Month), _heading, XBrushes.Black,
                new XRect(Margin, _y + 4, Width, 16), right: true);
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
                var text = L["Statement.Page", i + 1, count];
                var left = Margin + ((Width - PdfMixedText.Measure(gfx, text, _body)) / 2);
                PdfMixedText.Draw(gfx, text, _body, XBrushes.Gray, new XRect(left, bottom, Width, 12), right: false);
            }
        }

        private void Ensure(double height)
        {
            if (_y + height > XUnit.FromMillimeter(297).Point - Margin - 20)
            {
                NewPage();
            }
        }

        private void Text(string text, PdfStyle style, double x, double width)
        {
            Ensure(Line);
            PdfMixedText.Draw(Gfx, Fit(text, style, width), style, XBrushes.Black, new XRect(Margin + x, _y, width, Line), right: false);
            _y += Line;
        }

        private string Fit(string text, PdfStyle style, double width)
        {
            if (PdfMixedText.Measure(Gfx, text, style) <= width)
            {
                return text;
            }

            var cut = text;
            while (cut.Length > 1 && PdfMixedText.Measure(Gfx, cut + "…", style) > width)
            {
                cut = cut[..^1];
            }

            return cut + "…";
        }

        private void Heading(string text)
        {
            Ensure(Line * 3);
            _y += 6;
            PdfMixedText.Draw(Gfx, text, _heading, XBrushes.DarkSlateBlue, new XRect(Margin, _y, Width, Line), right: false);
            _y += Line + 4;
        }

        private void Pair(string label, string value, bool strong = false)
        {
            Ensure(Line);
            PdfMixedText.Draw(Gfx, label, strong ? _bold : _body, XBrushes.Black, new XRect(Margin, _y, 250, Line), right: false);
            PdfMixedText.Draw(Gfx, value, strong ? _bold : _body, XBrushes.Black, new XRect(Margin + 250, _y, 140, Line), right: true);
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
            void Row(string[] cells, PdfStyle style)
            {
                Ensure(Line);
                var x = Margin;
                for (var c = 0; c < cells.Length; c++)
                {
                    PdfMixedText.Draw(Gfx, Fit(cells[c], style, widths[c] - 4), style, XBrushes.Black, new XRect(x, _y, widths[c] - 4, Line), right[c]);
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
