using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Notifications;
using Portal.Web.Features.Notifications.Preferences;
using Portal.Web.Features.Notifications.Templates;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.UnitTests.Notifications;

/// <summary>The template files: every one in every language, the same placeholders in each, values never markup.</summary>
public sealed partial class NotificationTemplatesTests
{
    private static readonly NotificationTemplates Templates = new(new StringLocalizer<NotificationsText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    public static TheoryData<string> Names() => [.. NotificationTemplates.Shipped().Select(t => t.Name).Distinct()];

    [Fact]
    public void Every_file_in_the_templates_folder_is_shipped_and_named_for_a_supported_culture()
    {
        var folder = Path.Combine(SolutionFolder.Path, "src", "Portal.Web", "Features", "Notifications", "Templates");
        var files = Directory.GetFiles(folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList();

        Assert.Equal(files, NotificationTemplates.Shipped().Select(t => $"{t.Name}.{t.Culture}").Order().ToList());
        Assert.DoesNotContain(NotificationTemplates.Shipped(), t => t.Culture.Length == 0);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_template_exists_in_every_language_with_the_same_placeholders(string name)
    {
        var sources = LocalizationHosting.SupportedCultures.Select(c => Templates.Load(name, c)).ToList();

        Assert.All(sources, Assert.NotNull);
        var placeholders = sources.Select(t => Placeholders(t!.Subject + t.Sms + t.Body)).ToList();
        Assert.All(placeholders, p => Assert.Equal(placeholders[0], p));
        Assert.All(sources, t => Assert.False(string.IsNullOrWhiteSpace(t!.Subject)));
    }

    [Fact]
    public void Values_are_shown_as_written_never_as_markdown_or_html_and_a_language_of_its_own_wins()
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = "<script>x</script> [click](https://evil.example) **bold**", ["summary"] = "plain",
            ["summary.zh-Hans"] = "中文摘要",
        };
        var link = new Uri("https://portal.example/announcements");
        var unsubscribe = new Uri("https://portal.example/unsubscribe?topic=Announcements&token=abc");

        var en = Templates.Render("announcement-published", "en", values, link, unsubscribe);
        var zh = Templates.Render("announcement-published", "zh-Hans", values, link, unsubscribe);

        Assert.DoesNotContain("<script>", en.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://evil.example", en.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt; [click](https://evil.example) **bold**", en.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/announcements\"", en.Html, StringComparison.Ordinal);
        Assert.Contains("plain", en.Text, StringComparison.Ordinal);
        Assert.Contains("中文摘要", zh.Text, StringComparison.Ordinal);
        Assert.EndsWith("https://portal.example/unsubscribe?topic=Announcements&token=abc", en.Sms.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("STOP", en.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_is_an_error_not_an_empty_hole()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Templates.Render("statement-ready", "en", new Dictionary<string, string>(), null, null));

        Assert.Contains("{month}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_topics_start_with_a_channel_and_optional_ones_are_the_rest()
    {
        Assert.Equal([NotificationTopic.Security, NotificationTopic.StatementReady], TopicDefaults.All.Where(TopicDefaults.IsRequired));
        Assert.All(TopicDefaults.All, t => Assert.True(TopicDefaults.For(t).Inbox));
    }

    private static List<string> Placeholders(string source) =>
        [.. Placeholder().Matches(source).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Placeholder();
}
