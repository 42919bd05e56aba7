using Portal.Web.Features.Content;

namespace Portal.UnitTests.Content;

public sealed class SearchTextTests
{
    [Fact]
    public void Splits_english_on_spaces_and_keeps_chinese_runs_whole() =>
        Assert.Equal(["redemption", "fee", "赎回费用"], SearchText.Terms("  Redemption, fee 赎回费用？"));

    [Fact]
    public void An_empty_query_has_no_terms() =>
        Assert.Empty(SearchText.Terms("  "));

    [Fact]
    public void A_long_query_is_cut_to_a_hundred_characters()
    {
        var query = "  " + new string('基', 150) + "  ";

        Assert.Equal(new string('基', SearchText.MaxQueryLength), SearchText.Shorten(query));
        Assert.True(SearchText.IsShortened(query));
        Assert.False(SearchText.IsShortened("  " + new string('a', 100) + "  "));
        Assert.Equal(SearchText.MaxQueryLength, SearchText.Terms(query).Sum(t => t.Length));
    }

    [Fact]
    public void Shortening_never_splits_a_character_in_two() =>
        Assert.Equal(new string('a', 99), SearchText.Shorten(new string('a', 99) + "𠀀𠀀"));

    [Fact]
    public void Chinese_runs_are_looked_for_by_their_character_pairs_and_words_as_they_are() =>
        Assert.Equal(["赎回", "回费", "费用", "nav", "基金"], SearchText.Probes(SearchText.Terms("赎回费用 NAV 基金 赎回")));

    [Fact]
    public void A_search_looks_for_a_bounded_number_of_strings()
    {
        var query = new string(Enumerable.Range(0, 2000).Select(i => (char)(0x4E00 + (i * 37 % 20000))).ToArray());

        var probes = SearchText.Probes(SearchText.Terms(query));

        Assert.Equal(SearchText.MaxProbes, probes.Count);
        Assert.All(probes, p => Assert.Equal(2, p.Length));
    }

    [Theory]
    [InlineData("赎回的到账时间", "赎回", true)]
    [InlineData("基金赎回费怎么算", "赎回费用", true)]
    [InlineData("如何赎回我的基金", "如何赎回基金", true)]
    [InlineData("如何申购基金", "如何赎回基金", false)]
    [InlineData("开户激活", "赎回费用", false)]
    [InlineData("Redemption fees", "REDEMPTION", true)]
    public void Chinese_matches_by_character_pairs_and_english_ignores_case(string text, string term, bool matches) =>
        Assert.Equal(matches, SearchText.Matches(text, term));

    [Fact]
    public void Highlighting_marks_matches_and_encodes_everything_else() =>
        Assert.Equal("<mark>Fees</mark> &lt;b&gt; and <mark>fees</mark>", SearchText.Highlight("Fees <b> and fees", ["fees"]));

    [Fact]
    public void Markdown_becomes_plain_text_for_snippets() =>
        Assert.Equal("See Understanding NAV and the table a b", SearchText.PlainText("See [Understanding NAV](/learn/understanding-nav) and **the table**\n\n| a | b |"));

    [Fact]
    public void The_snippet_window_starts_near_the_first_match()
    {
        var text = new string('x', 300) + " the redemption fee " + new string('y', 300);

        var window = SearchText.Window(text, ["redemption"], 60);

        Assert.Contains("redemption", window, StringComparison.Ordinal);
        Assert.StartsWith("…", window, StringComparison.Ordinal);
        Assert.EndsWith("…", window, StringComparison.Ordinal);
    }
}

public sealed class LineDiffTests
{
    [Fact]
    public void Shows_removed_and_added_lines_in_order()
    {
        var diff = LineDiff.Compute("a\nb\nc\n", "a\nB\nc\nd\n");

        Assert.Equal(
            [
                new DiffLine(DiffKind.Same, "a"),
                new DiffLine(DiffKind.Removed, "b"),
                new DiffLine(DiffKind.Added, "B"),
                new DiffLine(DiffKind.Same, "c"),
                new DiffLine(DiffKind.Added, "d"),
            ],
            diff);
    }

    [Fact]
    public void Identical_texts_have_no_changes() =>
        Assert.All(LineDiff.Compute("x\ny", "x\r\ny\n"), line => Assert.Equal(DiffKind.Same, line.Kind));
}
