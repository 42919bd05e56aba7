using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Web.Features.Statements;

/// <summary>One size and weight, as the pair of fonts that together cover Chinese and Latin text.</summary>
internal sealed class PdfStyle(double size, bool bold)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public double Size => size;

    public XFont Latin { get; } = new(PdfFontResolver.Latin, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    public XFont Cjk { get; } = new(PdfFontResolver.Cjk, size, XFontStyleEx.Regular, Unicode);
}

/// <summary>Mixed Chinese and Latin text for the portal's PDFs (statements, chat transcripts): measured and drawn run by run.</summary>
internal static class PdfMixedText
{
    /// <summary>Splits text into runs that need the Chinese font and runs the Latin font can draw.</summary>
    public static IEnumerable<(string Text, bool Cjk)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || PdfFontResolver.NeedsCjk(text[i]) != PdfFontResolver.NeedsCjk(text[start]))
            {
                yield return (text[start..i], PdfFontResolver.NeedsCjk(text[start]));
                start = i;
            }
        }
    }

    public static double Measure(XGraphics gfx, string text, PdfStyle style) =>
        Runs(text).Sum(r => gfx.MeasureString(r.Text, r.Cjk ? style.Cjk : style.Latin).Width);

    /// <summary>Draws mixed Chinese and Latin text on one baseline, left- or right-aligned in the box.</summary>
    public static void Draw(XGraphics gfx, string text, PdfStyle style, XBrush brush, XRect box, bool right)
    {
        var x = right ? box.Right - Measure(gfx, text, style) : box.Left;
        var baseline = box.Top + (style.Size * 0.95);
        foreach (var (run, cjk) in Runs(text))
        {
            var font = cjk ? style.Cjk : style.Latin;
            gfx.DrawString(run, font, brush, new XPoint(x, baseline));
            x += gfx.MeasureString(run, font).Width;
        }
    }
}
