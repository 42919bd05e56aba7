using Portal.Web.Features.Accounts;

namespace Portal.UnitTests;

public sealed class TwoFactorKeyTests
{
    [Theory]
    [InlineData("ABCDEFGHIJKLMNOP", "abcd efgh ijkl mnop")]
    [InlineData("ABCDEFGHIJ", "abcd efgh ij")]
    [InlineData("", "")]
    public void Keys_are_shown_in_lower_case_groups_of_four(string key, string shown) =>
        Assert.Equal(shown, TwoFactorKey.Format(key));

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData(" 12 34-56 ", "123456")]
    public void Typed_codes_lose_the_spaces_and_hyphens_apps_show(string typed, string code) =>
        Assert.Equal(code, TwoFactorKey.Clean(typed));

    [Fact]
    public void The_authenticator_uri_names_issuer_and_account_and_escapes_them()
    {
        var uri = TwoFactorKey.Uri("Harbour Wealth", "wang@example.cn", "ABCD2345");

        Assert.Equal("otpauth://totp/Harbour%20Wealth:wang%40example.cn?secret=ABCD2345&issuer=Harbour%20Wealth&digits=6", uri);
    }
}
