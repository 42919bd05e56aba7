using Portal.Web.Features.Content;

namespace Portal.UnitTests.Content;

public sealed class ContentRendererTests
{
    private readonly ContentRenderer _renderer = new();

    // Markdown and raw HTML an author (or an attacker with an editor's password) might write.
    public static TheoryData<string> XssCorpus => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"/media/abc\" onerror=\"alert(1)\">",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<body onload=alert(1)>",
        "<div onclick=\"alert(1)\">click</div>",
        "<a href=\"javascript:alert(1)\">link</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">link</a>",
        "<a href=\"&#106;avascript:alert(1)\">link</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">link</a>",
        "<a href=\"vbscript:msgbox(1)\">link</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">link</a>",
        "[link](javascript:alert(1))",
        "[link](  javascript:alert(1) )",
        "![img](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<a href=\"#\" onmouseover=\"alert(1)\">hover</a>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "``<script>`` <script>alert(1)</script>",
        "> <script>alert(1)</script>",
        "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    };

    [Theory]
    [MemberData(nameof(XssCorpus))]
    public void Nothing_executable_reaches_the_page(string markdown)
    {
        var html = _renderer.Render(markdown).Html.ToLowerInvariant();

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        // Such text may remain as visible words, never as a link or source.
        Assert.DoesNotMatch(@"(href|src|action|formaction|xlink:href)\s*=\s*""?\s*(javascript|vbscript|data):", html);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<object", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<embed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<meta", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<base", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Theory]
    [InlineData("![chart](https://evil.example/track.png)")]
    [InlineData("![chart](//evil.example/track.png)")]
    [InlineData("![chart](/images/outside-the-store.png)")]
    [InlineData("![chart](/media/../Account/Logout)")]
    [InlineData("<img src=\"https://evil.example/track.png\">")]
    public void Images_from_outside_the_media_store_are_dropped(string markdown) =>
        Assert.DoesNotContain("<img", _renderer.Render(markdown).Html, StringComparison.Ordinal);

    [Fact]
    public void Images_from_the_media_store_are_kept()
    {
        var html = _renderer.Render("![A chart](/media/0123456789abcdef0123456789abcdef)").Html;

        Assert.Contains("<img src=\"/media/0123456789abcdef0123456789abcdef\" alt=\"A chart\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_footnotes_task_lists_auto_links_and_heading_ids_render()
    {
        var html = _renderer.Render("""
            ## Fees at a glance

            | Fee | Rate |
            |---|---|
            | Subscription | 1.5% |

            Charged once.[^1]

            - [x] Read the prospectus
            - [ ] Check your risk level

            See https://www.example.com for more.

            [^1]: Some funds waive it.
            """).Html;

        Assert.Contains("<h2 id=\"h-fees-at-a-glance\">", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Subscription</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"h-fnref-1\" href=\"#h-fn-1\"><sup>1</sup></a>", html, StringComparison.Ordinal);
        Assert.Contains("Some funds waive it.", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.example.com\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_form_the_table_of_contents()
    {
        var toc = _renderer.Render("Intro\n\n## How a fund works\n\ntext\n\n### The custodian\n\n## 申购和赎回\n\n#### Too deep\n").Toc;

        Assert.Equal(
            [new TocEntry(2, "h-how-a-fund-works", "How a fund works"), new TocEntry(3, "h-the-custodian", "The custodian")],
            toc.Take(2));
        Assert.Equal(3, toc.Count);
        Assert.Equal("申购和赎回", toc[2].Text);
        Assert.NotEmpty(toc[2].Id);
    }

    [Theory]
    [InlineData("<div id=\"components-reconnect-modal\" class=\"mud-overlay\">Reconnecting</div>")]
    [InlineData("<span id=\"components-reconnect-modal\" class=\"mud-overlay mud-overlay-dark\">x</span>")]
    [InlineData("<h2 id=\"components-reconnect-modal\" class=\"mud-overlay\">Heading</h2>")]
    [InlineData("## Fees\n\n<p id=\"toc-heading\" class=\"mud-snackbar\">Charged once.</p>")]
    [InlineData("<a id=\"fn:1\" class=\"mud-button\" href=\"https://www.example.com\">link</a>")]
    [InlineData("<img name=\"querySelector\" class=\"mud-overlay\" src=\"/media/0123456789abcdef0123456789abcdef\">")]
    public void Authors_cannot_set_ids_or_classes(string markdown)
    {
        var html = _renderer.Render(markdown).Html;

        Assert.DoesNotContain("components-reconnect-modal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("toc-heading", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fn:1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_ids_are_the_renderers_own_and_the_table_of_contents_points_at_them()
    {
        var rendered = _renderer.Render("## components-reconnect-modal\n\ntext\n\n### The custodian\n\n## 申购和赎回\n");

        Assert.Equal(["h-components-reconnect-modal", "h-the-custodian"], rendered.Toc.Take(2).Select(e => e.Id));
        foreach (var entry in rendered.Toc)
        {
            Assert.StartsWith("h-", entry.Id, StringComparison.Ordinal);
            Assert.Contains($"<h{entry.Level} id=\"{entry.Id}\">{entry.Text}</h{entry.Level}>", rendered.Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"components-reconnect-modal\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Footnotes_link_to_ids_in_the_renderers_namespace()
    {
        var html = _renderer.Render("Charged once.[^1]\n\n[^1]: Some funds waive it.").Html;

        Assert.Contains("href=\"#h-fn-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"h-fn-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"h-fnref-1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#h-fnref-1\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, 0, 1)]
    [InlineData(1000, 0, 5)]
    [InlineData(0, 2000, 5)]
    [InlineData(1, 0, 1)]
    public void Reading_time_counts_english_words_and_chinese_characters(int words, int characters, int minutes)
    {
        var text = string.Concat(Enumerable.Repeat("word ", words)) + new string('基', characters);

        Assert.Equal(minutes, ReadingTime.Minutes(text));
    }
}
