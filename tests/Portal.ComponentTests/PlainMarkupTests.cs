using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Web.Components.Shared;

namespace Portal.ComponentTests;

/// <summary>
/// Each <see cref="Plain"/> helper against the MudBlazor component(s) it stands for, rendered side by side and compared
/// with bUnit's semantic comparison (whitespace and attribute order do not count, everything else does).
/// </summary>
public sealed class PlainMarkupTests : PortalComponentTest
{
    private const string Svg = Icons.Material.Filled.ArrowBack;
    private static readonly RenderFragment Content = b => b.AddMarkupContent(0, "<p>body</p>");
    private static readonly RenderFragment HeaderActions = b => b.AddMarkupContent(0, "<span>chip</span>");
    private static readonly RenderFragment Actions = b => b.AddMarkupContent(0, "<a href=\"/more\">more</a>");

    private static readonly bool[] Both = [false, true];

    public static TheoryData<bool, bool, bool> CardCases()
    {
        var cases = new TheoryData<bool, bool, bool>();
        foreach (var (headerActions, actions, fullHeight) in from h in Both from a in Both from f in Both select (h, a, f))
        {
            cases.Add(headerActions, actions, fullHeight);
        }
        return cases;
    }

    public static TheoryData<Variant, Color, bool, bool> ButtonCases()
    {
        var cases = new TheoryData<Variant, Color, bool, bool>();
        foreach (var (variant, color, startIcon, download) in
                 from v in new[] { Variant.Text, Variant.Filled, Variant.Outlined } from c in new[] { Color.Default, Color.Primary } from i in Both from d in Both
                 select (v, c, i, d))
        {
            cases.Add(variant, color, startIcon, download);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(CardCases))]
    public void Card_is_the_markup_of_an_outlined_MudCard(bool headerActions, bool actions, bool fullHeight)
    {
        var mud = Render<MudCard>(p =>
        {
            p.Add(c => c.Outlined, true).Add(c => c.Style, fullHeight ? "height:100%" : null);
            p.AddChildContent<MudCardHeader>(h =>
            {
                h.Add<MudText>(c => c.CardHeaderContent, t => t.Add(c => c.Typo, Typo.h6).Add(c => c.HtmlTag, "h2").AddChildContent("Total"));
                if (headerActions)
                {
                    h.Add(c => c.CardHeaderActions, HeaderActions);
                }
            });
            p.AddChildContent<MudCardContent>(c => c.AddChildContent(Content));
            if (actions)
            {
                p.AddChildContent<MudCardActions>(c => c.AddChildContent(Actions));
            }
        });

        if (!fullHeight)
        {
            // Without a style MudPaper still writes style=""; Plain leaves the empty attribute out, which means the same.
            var card = mud.Find(".mud-card");
            Assert.Equal("", card.GetAttribute("style"));
            card.RemoveAttribute("style");
        }

        AssertSameMarkup(mud, Plain.Card("Total", Content, headerActions ? HeaderActions : null, actions ? Actions : null, fullHeight));
    }

    [Theory]
    [MemberData(nameof(ButtonCases))]
    public void Button_is_the_markup_of_a_MudButton_with_Href(Variant variant, Color color, bool startIcon, bool download)
    {
        var mud = Render<MudButton>(p =>
        {
            p.Add(b => b.Href, "/statements").Add(b => b.Variant, variant).Add(b => b.Color, color).AddChildContent("Statements");
            if (startIcon)
            {
                p.Add(b => b.StartIcon, Svg);
            }
            if (download)
            {
                p.AddUnmatched("download", "");
            }
        });

        AssertSameMarkup(mud, Plain.Button("/statements", "Statements", variant, color, startIcon ? Svg : null, download));
    }

    [Fact]
    public void Icon_is_the_markup_of_a_small_primary_MudIcon_hidden_from_screen_readers() =>
        AssertSameMarkup(
            Render<MudIcon>(p => p.Add(i => i.Icon, Svg).Add(i => i.Color, Color.Primary).Add(i => i.Size, Size.Small).AddUnmatched("aria-hidden", "true")),
            Plain.Icon(Svg));

    [Fact]
    public void Link_is_the_markup_of_a_MudLink() =>
        AssertSameMarkup(Render<MudLink>(p => p.Add(l => l.Href, "/transactions?id=7").AddChildContent("Failed payment")), Plain.Link("/transactions?id=7", "Failed payment"));

    [Fact]
    public void DenseTable_is_the_classes_of_a_dense_flat_MudSimpleTable()
    {
        var mud = Render<MudSimpleTable>(p => p.Add(t => t.Dense, true).Add(t => t.Elevation, 0).AddChildContent("<tbody></tbody>"));

        Render(b => b.AddMarkupContent(0, $"<div class=\"{Plain.DenseTable}\"><div class=\"mud-table-container\"><table><tbody></tbody></table></div></div>"))
            .Nodes.MarkupMatches(mud.Nodes);
    }

    // SummaryRow stands for no MudBlazor component: its markup is checked as it is meant to be.
    [Theory]
    [InlineData(false, "<tr><th scope=\"row\" style=\"text-align:left;font-weight:normal\">Fees</th><td style=\"text-align:right\">-1.00</td></tr>")]
    [InlineData(true, "<tr><th scope=\"row\" style=\"text-align:left;font-weight:normal\"><strong>Fees</strong></th><td style=\"text-align:right\"><strong>-1.00</strong></td></tr>")]
    public void SummaryRow_is_a_row_header_and_a_right_aligned_figure_bold_when_strong(bool strong, string expected) =>
        Render(Plain.SummaryRow("Fees", "-1.00", strong)).MarkupMatches(expected);

    private void AssertSameMarkup(IRenderedComponent<IComponent> mudBlazor, RenderFragment plain) =>
        Render(plain).Nodes.MarkupMatches(mudBlazor.Nodes);
}
