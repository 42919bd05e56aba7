using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Web.Features.Statements;

namespace Portal.UnitTests.Statements;

/// <summary>The dashboard's SVG charts: what each slice and point says, the value axis, and text that stays text.</summary>
public sealed partial class DashboardChartsTests
{
    [Theory]
    [InlineData(7_100_000, 7_900_000, 7_000_000, 8_000_000, 200_000)]
    [InlineData(0, 650, 0, 800, 200)]
    [InlineData(-1_200, 3_300, -2_000, 4_000, 2_000)]
    [InlineData(5_000, 5_000, 5_000, 5_600, 200)]
    public void The_value_axis_runs_in_four_or_five_round_steps_around_the_values(double min, double max, double low, double high, double step)
    {
        var axis = DashboardCharts.Axis(min, max);

        Assert.Equal((low, high, step), axis);
        Assert.InRange((axis.High - axis.Low) / axis.Step, 1, 5);
    }

    [Fact]
    public void Each_slice_of_the_donut_takes_its_share_of_the_ring_and_names_its_value()
    {
        using var _ = new CultureScope("en");

        var svg = Parse(DashboardCharts.Donut("Allocation", [("Bond funds", 300_00), ("Cash", 100_00)]));

        var slices = svg.Descendants(Svg + "circle").Where(c => c.Element(Svg + "title") is not null).ToList();
        Assert.Equal(["Bond funds: ¥300.00 (75.0%)", "Cash: ¥100.00 (25.0%)"], slices.Select(s => s.Element(Svg + "title")!.Value));
        var ring = 2 * Math.PI * 80;
        var dashes = slices.Select(s => double.Parse(s.Attribute("stroke-dasharray")!.Value.Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ring * 0.75, dashes[0], 2);
        Assert.Equal(ring * 0.25, dashes[1], 2);
        Assert.Equal(-dashes[0], double.Parse(slices[1].Attribute("stroke-dashoffset")!.Value, CultureInfo.InvariantCulture), 2);
        Assert.Equal("img", svg.Descendants(Svg + "svg").Single().Attribute("role")!.Value);
        Assert.Equal("Allocation", svg.Descendants(Svg + "svg").Single().Attribute("aria-label")!.Value);
    }

    [Fact]
    public void The_line_has_a_point_per_month_naming_its_value_and_an_axis_in_compact_money()
    {
        using var _ = new CultureScope("zh-Hans");
        var months = Enumerable.Range(0, 24).Select(i => new ValuePoint(new DateOnly(2024, 12, 1).AddMonths(i), (7_000_000 + i * 40_000) * 100L)).ToList();

        var svg = Parse(DashboardCharts.Line("24 个月的市值", months));

        var points = svg.Descendants(Svg + "circle").ToList();
        Assert.Equal(24, points.Count);
        Assert.Equal("2024-12: ¥7,000,000.00", points[0].Element(Svg + "title")!.Value);
        var axis = svg.Descendants(Svg + "g").First(g => g.Attribute("class")?.Value == "portal-chart-y-axis").Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.NotEmpty(axis);
        Assert.All(axis, label => Assert.Matches(CompactYuan(), label));
        Assert.Equal(8, svg.Descendants(Svg + "g").ElementAt(1).Elements(Svg + "text").Count());
    }

    [Fact]
    public void Text_in_a_chart_is_encoded_so_it_cannot_become_markup()
    {
        var markup = DashboardCharts.Donut("<b>x</b>", [("<script>alert(1)</script>", 100)]);

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", markup, StringComparison.Ordinal);
    }

    private static readonly XNamespace Svg = "";

    private static XElement Parse(string markup) => XElement.Parse("<root>" + markup + "</root>");

    [GeneratedRegex(@"^-?¥[\d,.]+(万|亿)?$")]
    private static partial Regex CompactYuan();
}
