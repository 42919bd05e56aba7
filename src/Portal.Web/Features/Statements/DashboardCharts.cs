using System.Globalization;
using System.Net;
using System.Text;

namespace Portal.Web.Features.Statements;

/// <summary>
/// The dashboard's two charts as SVG markup, one string each (issue 13). MudChart drew them with a dozen components, a
/// render tree of hundreds of SVG elements and an event handler per point, which every live circuit kept (about 300 KB
/// of the dashboard's circuit). These only show: each slice and point names its value in a <c>title</c> (the browser's
/// tooltip on hover), each chart is an image named by its card's heading, and the figures are also on the page as
/// text (the allocation in the table under its chart, the monthly values on the statements). Colours and lines follow
/// the theme's CSS variables, so the dark theme needs no second drawing. Every text is HTML-encoded.
/// </summary>
public static class DashboardCharts
{
    /// <summary>MudBlazor's chart palette, in its order (the colours the charts had).</summary>
    private static readonly int[] StepMultiples = [1, 2, 5, 10];

    private static readonly string[] Palette = ["#2979FF", "#1DE9B6", "#FFC400", "#FF3D00", "#651FFF", "#00E676", "#00B0FF", "#FF9100"];

    /// <summary>A donut of <paramref name="slices"/> (name and value), with a legend under it.</summary>
    public static string Donut(string name, IReadOnlyList<(string Label, long ValueFen)> slices)
    {
        const double radius = 80, stroke = 36, centre = 110;
        var circumference = 2 * Math.PI * radius;
        var total = slices.Sum(s => Math.Max(0, s.ValueFen));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"portal-chart\" role=\"img\" aria-label=\"{Encode(name)}\" viewBox=\"0 0 220 220\" style=\"height:220px;width:100%\">");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{centre}\" cy=\"{centre}\" r=\"{radius}\" fill=\"none\" stroke=\"var(--mud-palette-lines-default)\" stroke-width=\"{stroke}\" />");
        double start = 0;
        for (var i = 0; i < slices.Count && total > 0; i++)
        {
            var share = Math.Max(0, slices[i].ValueFen) / (double)total;
            var length = share * circumference;
            // Each slice is the circle's stroke dashed to its share, turned to where the last one ended (from twelve o'clock).
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle cx=\"{centre}\" cy=\"{centre}\" r=\"{radius}\" fill=\"none\" stroke=\"{Colour(i)}\" stroke-width=\"{stroke}\" stroke-dasharray=\"{length:0.###} {circumference - length:0.###}\" stroke-dashoffset=\"{-start:0.###}\" transform=\"rotate(-90 {centre} {centre})\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(slices[i].Label)}: {Encode(Money.Format(slices[i].ValueFen))} ({share:0.0%})</title></circle>");
            start += length;
        }

        svg.Append("</svg><div class=\"portal-chart-legend\" aria-hidden=\"true\">");
        for (var i = 0; i < slices.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<span><span class=\"portal-chart-swatch\" style=\"background:{Colour(i)}\"></span>{Encode(slices[i].Label)}</span>");
        }

        return svg.Append("</div>").ToString();
    }

    /// <summary>
    /// A line of <paramref name="points"/> (month and value) over a value axis of five steps in compact money (¥7.2M,
    /// ¥720万), every third month named under it.
    /// </summary>
    public static string Line(string name, IReadOnlyList<ValuePoint> points)
    {
        const double width = 480, height = 270, left = 58, right = 10, top = 10, bottom = 26;
        var values = points.Select(p => (double)Money.ToYuan(p.ValueFen)).ToList();
        var (low, high, step) = Axis(values.Count == 0 ? 0 : values.Min(), values.Count == 0 ? 0 : values.Max());
        double X(int i) => left + (points.Count == 1 ? 0 : i * (width - left - right) / (points.Count - 1));
        double Y(double value) => top + (high - value) / (high - low) * (height - top - bottom);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"portal-chart\" role=\"img\" aria-label=\"{Encode(name)}\" viewBox=\"0 0 {width} {height}\" style=\"width:100%;height:auto;max-height:300px\">");
        svg.Append("<g class=\"portal-chart-y-axis\" fill=\"currentColor\" font-size=\"13\" text-anchor=\"end\">");
        for (var tick = low; tick <= high + step / 2; tick += step)
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"var(--mud-palette-lines-default)\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + 4:0.#}\">{Encode(Money.Compact((decimal)tick))}</text>");
        }

        svg.Append("</g><g fill=\"currentColor\" font-size=\"13\" text-anchor=\"middle\">");
        for (var i = 0; i < points.Count; i += 3)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{height - 8}\">{points[i].Month.ToString("yy-MM", CultureInfo.InvariantCulture)}</text>");
        }

        svg.Append("</g><polyline fill=\"none\" stroke=\"").Append(Palette[0]).Append("\" stroke-width=\"2\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(values[i]):0.#} ");
        }

        svg.Append("\" />");
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(values[i]):0.#}\" r=\"4\" fill=\"{Palette[0]}\"><title>{points[i].Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}: {Encode(Money.Format(points[i].ValueFen))}</title></circle>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A value axis from below <paramref name="min"/> to above <paramref name="max"/> in four round steps (1, 2 or 5 times a power of ten).</summary>
    internal static (double Low, double High, double Step) Axis(double min, double max)
    {
        if (max <= min)
        {
            max = min + Math.Max(1, Math.Abs(min) * 0.1);
        }

        var rough = (max - min) / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = StepMultiples.Select(m => m * power).First(s => s >= rough);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        return (low, high, step);
    }

    private static string Colour(int index) => Palette[index % Palette.Length];

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
