using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Portal.Web.Features.Content;

/// <summary>The YAML front matter of a shipped Markdown file (see content/README.md).</summary>
public sealed class ShippedFrontMatter
{
    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Category { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public string Audience { get; set; } = "all-investors";

    /// <summary>Position in the new investor's learning path (articles only).</summary>
    public int? Path { get; set; }

    /// <summary>Position within its FAQ category.</summary>
    public int? Order { get; set; }

    public string? PublishAt { get; set; }
}

/// <summary>One shipped file, parsed: where it goes (kind, language, slug), its front matter and body.</summary>
public sealed record ShippedFile(ContentKind Kind, string Language, string Slug, ShippedFrontMatter FrontMatter, string Body, string Hash)
{
    public ContentAudience Audience => FrontMatterParser.ParseAudience(FrontMatter.Audience);

    public DateTimeOffset? PublishAt => FrontMatterParser.ParsePublishAt(FrontMatter.PublishAt);
}

/// <summary>Splits a Markdown file into YAML front matter and body. Pure; throws <see cref="FormatException"/> with the reason.</summary>
public static class FrontMatterParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static (ShippedFrontMatter FrontMatter, string Body) Parse(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("The file does not start with a '---' front-matter line.");
        }

        var end = normalized.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("The front matter is not closed by a '---' line.");
        }

        var yaml = normalized[4..(end + 1)];
        var afterFence = normalized.IndexOf('\n', end + 4);
        var body = afterFence < 0 ? "" : normalized[(afterFence + 1)..];

        ShippedFrontMatter? frontMatter;
        try
        {
            frontMatter = Yaml.Deserialize<ShippedFrontMatter>(yaml);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"The front matter is not valid YAML: {ex.Message}", ex);
        }

        if (frontMatter is null || string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            throw new FormatException("The front matter has no title.");
        }

        if (string.IsNullOrWhiteSpace(frontMatter.Category))
        {
            throw new FormatException("The front matter has no category.");
        }

        _ = ParseAudience(frontMatter.Audience);
        _ = ParsePublishAt(frontMatter.PublishAt);
        frontMatter.Tags = frontMatter.Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToList();
        return (frontMatter, body.Trim('\n') + "\n");
    }

    /// <summary>Parses a file at <c>{kind folder}/{language}/{slug}.md</c>.</summary>
    public static ShippedFile ParseFile(string kindFolder, string language, string fileName, string text)
    {
        var kind = kindFolder switch
        {
            "articles" => ContentKind.Article,
            "faq" => ContentKind.Faq,
            "announcements" => ContentKind.Announcement,
            _ => throw new FormatException($"Unknown content folder '{kindFolder}'."),
        };
        if (!ContentLanguages.All.Contains(language))
        {
            throw new FormatException($"Unknown language folder '{language}'.");
        }

        var slug = System.IO.Path.GetFileNameWithoutExtension(fileName);
        if (!ContentSlugs.IsValid(slug))
        {
            throw new FormatException($"'{slug}' is not a valid slug (lower-case letters, digits and hyphens).");
        }

        var (frontMatter, body) = Parse(text);
        return new ShippedFile(kind, language, slug, frontMatter, body, Hash(text));
    }

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));

    public static ContentAudience ParseAudience(string value) => value.Trim().ToLowerInvariant() switch
    {
        "all-investors" or "all" or "" => ContentAudience.AllInvestors,
        "new-investors" or "new" => ContentAudience.NewInvestors,
        "vip" => ContentAudience.Vip,
        _ => throw new FormatException($"Unknown audience '{value}' (all-investors, new-investors or vip)."),
    };

    public static DateTimeOffset? ParsePublishAt(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw new FormatException($"publishAt '{value}' is not an ISO 8601 date and time.");
    }
}

public static class ContentSlugs
{
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= 120
        && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-');
}

public enum ImportDecision
{
    Insert,
    Unchanged,
    Update,
    Conflict,
}

/// <summary>
/// What the start-up import does with a shipped file. A changed file replaces the portal's copy only
/// while no editor has touched it since the last import; otherwise the editor's work wins and the
/// import reports a conflict.
/// </summary>
public static class ShippedContentRules
{
    public static ImportDecision Decide(ContentItem? existing, string fileHash)
    {
        if (existing is null)
        {
            return ImportDecision.Insert;
        }

        if (existing.ImportedHash == fileHash)
        {
            return ImportDecision.Unchanged;
        }

        // Born in the portal, or edited there since the last import: never overwrite an editor.
        return existing.ImportedHash is null || existing.EditedSinceImport
            ? ImportDecision.Conflict
            : ImportDecision.Update;
    }
}
