using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Content;

/// <summary>
/// The state a prerendered page hands to its live circuit travels in the circuit's first SignalR message, which
/// may be at most 32 KB; a page whose state is larger never comes alive. The reading pages stay well below that.
/// </summary>
public sealed partial class PersistedStateSizeTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const int MostBytes = 16 * 1024;

    [Theory]
    [InlineData("/faq", "en")]
    [InlineData("/faq", "zh-Hans")]
    [InlineData("/search?q=fund", "en")]
    [InlineData("/search?q=%E5%9F%BA%E9%87%91", "zh-Hans")]
    public async Task The_state_a_reading_page_hands_to_its_circuit_fits_the_first_message(string url, string language)
    {
        using var client = app.CreatePortalClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        var html = await client.GetStringAsync(url);

        var state = StateComment().Match(html);
        var bytes = state.Success ? state.Groups[1].Length : 0;
        Assert.True(bytes < MostBytes, $"{url} ({language}) persists {bytes} bytes");
    }

    [GeneratedRegex("<!--Blazor-Server-Component-State:([^-]*)-->")]
    private static partial Regex StateComment();
}
