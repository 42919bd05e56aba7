using Portal.Web.Features.Statements;

namespace Portal.UnitTests.Statements;

/// <summary>Chart axes show money the way each language counts it.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("en", 7_208_960, "¥7.2M")]
    [InlineData("en", 720_000, "¥720K")]
    [InlineData("en", 650, "¥650")]
    [InlineData("en", 0, "¥0")]
    [InlineData("en", -1_500_000, "-¥1.5M")]
    [InlineData("zh-Hans", 7_208_960, "¥720.9万")]
    [InlineData("zh-Hans", 120_000_000, "¥1.2亿")]
    [InlineData("zh-Hans", 9_999, "¥9,999")]
    public void Compact_amounts_carry_the_yuan_sign_and_the_languages_large_units(string culture, double yuan, string expected)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(expected, Money.Compact((decimal)yuan));
    }
}
