using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Accounts;

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

    [Fact]
    public void Card_with_a_subheading_is_the_markup_of_a_MudCard_with_a_body2_line_under_its_heading()
    {
        var mud = Render<MudCard>(p =>
        {
            p.Add(c => c.Outlined, true);
            p.AddChildContent<MudCardHeader>(h => h.Add(c => c.CardHeaderContent, b =>
            {
                b.OpenComponent<MudText>(0);
                b.AddComponentParameter(1, nameof(MudText.Typo), Typo.h6);
                b.AddComponentParameter(2, nameof(MudText.HtmlTag), "h2");
                b.AddComponentParameter(3, nameof(MudText.ChildContent), (RenderFragment)(t => t.AddContent(0, "王芳")));
                b.CloseComponent();
                b.OpenComponent<MudText>(4);
                b.AddComponentParameter(5, nameof(MudText.Typo), Typo.body2);
                b.AddComponentParameter(6, nameof(MudText.ChildContent), (RenderFragment)(t => t.AddContent(0, "Investor")));
                b.CloseComponent();
            }));
            p.AddChildContent<MudCardContent>(c => c.AddChildContent(Content));
        });
        var card = mud.Find(".mud-card");
        card.RemoveAttribute("style");

        AssertSameMarkup(mud, Plain.Card("王芳", Content, subheading: "Investor"));
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IconLink_is_the_markup_of_a_MudIconButton_with_Href_in_the_colour_of_its_text(bool attributes)
    {
        var extra = new Dictionary<string, object> { ["data-testid"] = "inbox-bell", ["data-unread"] = 2 };
        var mud = Render<MudIconButton>(p =>
        {
            p.Add(b => b.Href, "/inbox").Add(b => b.Icon, Svg).Add(b => b.Color, Color.Inherit).AddUnmatched("aria-label", "Inbox");
            if (attributes)
            {
                p.AddUnmatched("data-testid", "inbox-bell").AddUnmatched("data-unread", 2);
            }
        });

        AssertSameMarkup(mud, Plain.IconLink("/inbox", Svg, "Inbox", attributes ? extra : null));
    }

    [Fact]
    public void Fab_is_the_markup_of_a_secondary_MudFab_with_Href() =>
        AssertSameMarkup(
            Render<MudFab>(p => p.Add(f => f.Href, "/chat").Add(f => f.Color, Color.Secondary).Add(f => f.StartIcon, Svg).AddUnmatched("aria-label", "Chat")),
            Plain.Fab("/chat", Svg, "Chat"));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void CountBadge_is_the_markup_of_a_bordered_error_MudBadge_shown_above_zero(int count) =>
        AssertSameMarkup(
            Render<MudBadge>(p => p.Add(b => b.Content, count).Add(b => b.Visible, count > 0).Add(b => b.Color, Color.Error).Add(b => b.Overlap, true)
                .Add(b => b.Bordered, true).Add(b => b.Class, "mx-1").AddChildContent(Content)),
            Plain.CountBadge(count, Content));

    [Theory]
    [InlineData(ClientTier.Silver, Color.Default)]
    [InlineData(ClientTier.Gold, Color.Secondary)]
    [InlineData(ClientTier.Diamond, Color.Primary)]
    public void TierChip_is_the_markup_of_a_small_filled_MudChip_with_the_tier_icon(ClientTier tier, Color color)
    {
        var mud = Render<MudChip<string>>(p => p.Add(c => c.Size, Size.Small).Add(c => c.Color, color).Add(c => c.Variant, Variant.Filled)
            .Add(c => c.Icon, Icons.Material.Filled.WorkspacePremium).AddChildContent(tier.ToString()));
        // MudChip's container carries a generated id for its keyboard handling, which a chip that only shows does not need.
        mud.Find(".mud-chip-container").RemoveAttribute("id");

        Render<TierChip>(p => p.Add(c => c.Tier, tier)).Nodes.MarkupMatches(mud.Nodes);
    }

    [Theory]
    [InlineData(Plain.TipSide.BelowEnd, "portal-tip")]
    [InlineData(Plain.TipSide.Start, "portal-tip portal-tip-start")]
    public void Tooltip_wraps_its_anchor_with_the_text_in_MudTooltips_colours_hidden_from_screen_readers(Plain.TipSide side, string classes) =>
        Render(Plain.Tooltip("Inbox", Content, side)).MarkupMatches(
            $"<span class=\"{classes}\"><p>body</p><span class=\"mud-tooltip mud-tooltip-default portal-tip-text\" aria-hidden=\"true\">Inbox</span></span>");

    // SummaryRow stands for no MudBlazor component: its markup is checked as it is meant to be.
    [Theory]
    [InlineData(false, "<tr><th scope=\"row\" style=\"text-align:left;font-weight:normal\">Fees</th><td style=\"text-align:right\">-1.00</td></tr>")]
    [InlineData(true, "<tr><th scope=\"row\" style=\"text-align:left;font-weight:normal\"><strong>Fees</strong></th><td style=\"text-align:right\"><strong>-1.00</strong></td></tr>")]
    public void SummaryRow_is_a_row_header_and_a_right_aligned_figure_bold_when_strong(bool strong, string expected) =>
        Render(Plain.SummaryRow("Fees", "-1.00", strong)).MarkupMatches(expected);

    private void AssertSameMarkup(IRenderedComponent<IComponent> mudBlazor, RenderFragment plain) =>
        Render(plain).Nodes.MarkupMatches(mudBlazor.Nodes);
}
