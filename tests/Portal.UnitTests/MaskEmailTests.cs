using Portal.Web.Features.Accounts;

namespace Portal.UnitTests;

public sealed class MaskEmailTests
{
    [Theory]
    [InlineData("wang.fang001@example.cn", "w***@example.cn")]
    [InlineData("ab@example.com.cn", "a***@example.com.cn")]
    [InlineData("Investor.Gold@portal.demo", "I***@portal.demo")]
    public void Shows_the_first_character_and_the_domain_only(string email, string masked) =>
        Assert.Equal(masked, ActivationService.MaskEmail(email));

    [Theory]
    [InlineData("a@example.cn")]
    [InlineData("@example.cn")]
    [InlineData("no-at-sign")]
    public void Leaves_addresses_too_short_to_mask_as_they_are(string email) =>
        Assert.Equal(email, ActivationService.MaskEmail(email));
}
