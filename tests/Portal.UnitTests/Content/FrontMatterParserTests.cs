using Portal.Web.Features.Content;

namespace Portal.UnitTests.Content;

public sealed class FrontMatterParserTests
{
    private const string Article = """
        ---
        title: "What is a fund?"
        summary: "A pool of money run by a manager."
        category: basics
        tags: [Funds, beginners]
        audience: new-investors
        path: 2
        ---

        A fund is a pool of money.

        ## How a fund works
        """;

    [Fact]
    public void Reads_every_field_of_an_article()
    {
        var (frontMatter, body) = FrontMatterParser.Parse(Article);

        Assert.Equal("What is a fund?", frontMatter.Title);
        Assert.Equal("A pool of money run by a manager.", frontMatter.Summary);
        Assert.Equal("basics", frontMatter.Category);
        Assert.Equal(["funds", "beginners"], frontMatter.Tags);
        Assert.Equal(2, frontMatter.Path);
        Assert.Equal(ContentAudience.NewInvestors, FrontMatterParser.ParseAudience(frontMatter.Audience));
        Assert.StartsWith("A fund is a pool of money.", body, StringComparison.Ordinal);
        Assert.Contains("## How a fund works", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_windows_line_endings_and_a_byte_order_mark()
    {
        var (frontMatter, body) = FrontMatterParser.Parse("\uFEFF" + Article.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal("What is a fund?", frontMatter.Title);
        Assert.DoesNotContain('\r', body);
    }

    [Fact]
    public void Reads_the_publish_time_of_an_announcement_with_its_offset()
    {
        var (frontMatter, _) = FrontMatterParser.Parse("""
            ---
            title: "Maintenance"
            summary: "Down for two hours."
            category: notice
            tags: [maintenance]
            audience: all-investors
            publishAt: 2026-10-19T09:00:00+08:00
            ---
            Body
            """);

        Assert.Equal(new DateTimeOffset(2026, 10, 19, 1, 0, 0, TimeSpan.Zero), FrontMatterParser.ParsePublishAt(frontMatter.PublishAt));
    }

    [Fact]
    public void Ignores_fields_it_does_not_know()
    {
        var (frontMatter, _) = FrontMatterParser.Parse("---\ntitle: \"T\"\ncategory: fees\nreviewedBy: someone\n---\nBody\n");

        Assert.Equal("T", frontMatter.Title);
    }

    [Theory]
    [InlineData("title: \"No fences\"\n\nBody", "does not start")]
    [InlineData("---\ntitle: \"Open\"\ncategory: fees\nBody", "not closed")]
    [InlineData("---\nsummary: \"No title\"\ncategory: fees\n---\nBody", "no title")]
    [InlineData("---\ntitle: \"No category\"\n---\nBody", "no category")]
    [InlineData("---\ntitle: \"T\"\ncategory: fees\naudience: everyone\n---\nBody", "audience")]
    [InlineData("---\ntitle: \"T\"\ncategory: fees\npublishAt: next tuesday\n---\nBody", "publishAt")]
    [InlineData("---\ntitle: [unclosed\ncategory: fees\n---\nBody", "YAML")]
    public void Refuses_a_broken_file_and_says_why(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => FrontMatterParser.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("articles", ContentKind.Article)]
    [InlineData("faq", ContentKind.Faq)]
    [InlineData("announcements", ContentKind.Announcement)]
    public void Takes_kind_language_and_slug_from_the_path(string folder, ContentKind kind)
    {
        var file = FrontMatterParser.ParseFile(folder, "zh-Hans", "what-is-a-fund.md", Article);

        Assert.Equal(kind, file.Kind);
        Assert.Equal("zh-Hans", file.Language);
        Assert.Equal("what-is-a-fund", file.Slug);
        Assert.Equal(64, file.Hash.Length);
    }

    [Theory]
    [InlineData("articles", "fr", "ok.md")]
    [InlineData("blog", "en", "ok.md")]
    [InlineData("articles", "en", "Not_A_Slug.md")]
    public void Refuses_unknown_folders_and_bad_slugs(string folder, string language, string fileName) =>
        Assert.Throws<FormatException>(() => FrontMatterParser.ParseFile(folder, language, fileName, Article));

    [Fact]
    public void The_hash_ignores_line_endings_but_not_content()
    {
        Assert.Equal(FrontMatterParser.Hash("a\nb"), FrontMatterParser.Hash("a\r\nb"));
        Assert.NotEqual(FrontMatterParser.Hash("a\nb"), FrontMatterParser.Hash("a\nc"));
    }

    [Fact]
    public void Every_shipped_file_parses_and_has_its_translation()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "content");
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar))
            .Where(parts => parts.Length == 3)
            .Select(parts => FrontMatterParser.ParseFile(parts[0], parts[1], parts[2], File.ReadAllText(Path.Combine(root, Path.Combine(parts)))))
            .ToList();

        Assert.True(files.Count(f => f.Kind == ContentKind.Article) >= 30, "at least 15 articles in two languages");
        Assert.True(files.Count(f => f.Kind == ContentKind.Faq) >= 80, "at least 40 FAQ entries in two languages");
        foreach (var group in files.GroupBy(f => (f.Kind, f.Slug)))
        {
            Assert.Equal(["en", "zh-Hans"], group.Select(f => f.Language).Order(StringComparer.Ordinal));
        }
    }
}
