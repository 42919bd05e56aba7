using Portal.Web.Features.Booking.Ui;

namespace Portal.ComponentTests.Booking;

public sealed class AdviserAvatarTests : PortalComponentTest
{
    [Theory]
    [InlineData("en", "Photo of 孙伟")]
    [InlineData("zh-Hans", "孙伟的照片")]
    public void An_adviser_with_a_photo_is_shown_by_the_photo_with_alt_text(string culture, string alt)
    {
        UseCulture(culture);

        var avatar = Render<AdviserAvatar>(p => p.Add(a => a.AdviserId, 7).Add(a => a.Name, "孙伟").Add(a => a.HasPhoto, true));

        var image = avatar.Find(".mud-avatar img");
        Assert.Equal("/advisers/7/photo", image.GetAttribute("src"));
        Assert.Equal(alt, image.GetAttribute("alt"));
        Assert.Equal("", avatar.Find(".mud-avatar").TextContent.Trim());
    }

    [Fact]
    public void A_new_photo_gets_a_new_address_so_the_browser_shows_it()
    {
        var avatar = Render<AdviserAvatar>(p => p.Add(a => a.AdviserId, 7).Add(a => a.Name, "孙伟").Add(a => a.HasPhoto, true).Add(a => a.PhotoVersion, 2));

        Assert.Equal("/advisers/7/photo?v=2", avatar.Find(".mud-avatar img").GetAttribute("src"));
    }

    [Theory]
    [InlineData("孙伟", "孙伟", "孙伟 (no photo)")]
    [InlineData("Anna Li", "AL", "Anna Li (no photo)")]
    [InlineData("欧阳明华", "欧", "欧阳明华 (no photo)")]
    public void An_adviser_without_a_photo_is_shown_by_initials_and_no_image_is_asked_for(string name, string initials, string label)
    {
        var avatar = Render<AdviserAvatar>(p => p.Add(a => a.AdviserId, 7).Add(a => a.Name, name).Add(a => a.HasPhoto, false));

        var circle = avatar.Find(".mud-avatar");
        Assert.Equal(initials, circle.TextContent.Trim());
        Assert.Equal("img", circle.GetAttribute("role"));
        Assert.Equal(label, circle.GetAttribute("aria-label"));
        Assert.Empty(avatar.FindAll("img"));
    }
}
