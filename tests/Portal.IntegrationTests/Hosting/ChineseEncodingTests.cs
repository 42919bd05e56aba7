using System.Text.RegularExpressions;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Hosting;

/// <summary>Chinese pages are sent as plain UTF-8, not as a numeric entity per character.</summary>
public sealed partial class ChineseEncodingTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/faq")]
    public async Task Chinese_pages_carry_their_characters_as_they_are(string path)
    {
        using var client = app.CreatePortalClient();
        using var _ = await client.GetAsync("/culture/zh-Hans?returnUrl=/");

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-Hans\"", html, StringComparison.Ordinal);
        Assert.Contains(app.Text<AccountsText>("Login.Title", "zh-Hans"), html, StringComparison.Ordinal);
        Assert.Empty(CjkEntity().Matches(html).Select(m => m.Value).Distinct().Take(5));
    }

    // A numeric character reference for a character of the CJK blocks (U+3000 to U+9FFF, U+F900 to U+FFFF).
    [GeneratedRegex("&#x([3-9][0-9A-F]{3}|F[9A-F][0-9A-F]{2});", RegexOptions.IgnoreCase)]
    private static partial Regex CjkEntity();
}
