using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Content;

/// <summary>
/// The state a prerendered page hands to its live circuit travels in the circuit's first SignalR message, which
/// may be at most 32 KB; a page whose state is larger never comes alive. The reading pages stay well below that.
/// </summary>
public sealed partial class PersistedStateSizeTests(ContentApp app) : IClassFixture<ContentApp>
{
    // What CircuitState's budget allows, with room left in the 32 KB for the rest of the message.
    private const int MostBytes = 24 * 1024;

    [Theory]
    [InlineData("/faq", "en")]
    [InlineData("/faq", "zh-Hans")]
    [InlineData("/search?q=fund", "en")]
    [InlineData("/search?q=%E5%9F%BA%E9%87%91", "zh-Hans")]
    [InlineData("/learn/diversification-and-asset-allocation", "zh-Hans")]
    [InlineData("/learn/understanding-fund-fees", "en")]
    [InlineData("/faq/when-does-redemption-money-arrive", "zh-Hans")]
    [InlineData("/announcements", "zh-Hans")]
    [InlineData("/announcements", "en")]
    public async Task The_state_a_reading_page_hands_to_its_circuit_fits_the_first_message(string url, string language)
    {
        using var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        var html = await client.GetStringAsync(url);

        var state = StateComment().Match(html);
        var bytes = state.Success ? state.Groups[1].Length : 0;
        Assert.True(bytes < MostBytes, $"{url} ({language}) persists {bytes} bytes");
    }

    [Fact]
    public async Task A_very_long_article_is_not_handed_over_but_still_prerendered()
    {
        var author = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var reviewer = await app.ActorAsync(DemoUsers.Editor2, isEditor: true);
        var paragraph = "## 长期投资的好处\n\n" + string.Concat(Enumerable.Repeat("定期定额投资可以分散买入时点，降低市场波动对平均成本的影响。", 40)) + "\n\n";
        var (id, stamp) = await app.SubmittedArticleAsync(author, "a-very-long-article", "A very long article", string.Concat(Enumerable.Repeat(paragraph, 12)));
        await app.WorkspaceAsync(w => w.ApproveAsync(reviewer, id, stamp, null));

        using var client = app.CreatePortalClient();
        var html = await client.GetStringAsync("/learn/a-very-long-article");

        Assert.Contains("定期定额投资可以分散买入时点", html, StringComparison.Ordinal);
        var state = StateComment().Match(html);
        var bytes = state.Success ? state.Groups[1].Length : 0;
        Assert.True(bytes < MostBytes, $"the long article persists {bytes} bytes");
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:([^-]*)-->")]
    private static partial Regex StateComment();
}
