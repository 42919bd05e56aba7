using System.Net;
using Portal.Web.Resources;

namespace Portal.IntegrationTests.Hosting;

/// <summary>Signing out is a form post with an antiforgery token: another site cannot sign a user out.</summary>
public sealed class LogoutTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_logout_post_without_a_valid_token_is_refused_and_the_user_stays_signed_in()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.SilverInvestor);

        using var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", "forged")]));
        using var bare = await client.PostAsync("/Account/Logout", null);
        using var profile = await client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task The_sign_out_form_on_the_page_signs_the_user_out()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.SilverInvestor);
        using var dashboard = await client.GetAsync("/");
        var fields = HtmlForms.HiddenFieldsOfFormWithId(await dashboard.Content.ReadAsStringAsync(), "sign-out-form");

        using var signedOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        using var profile = await client.GetAsync("/profile");

        Assert.Equal("/", signedOut.RedirectTarget());
        Assert.Equal("/Account/Login?ReturnUrl=%2Fprofile", profile.RedirectTarget());
        Assert.Contains(app.Text<AccountsText>("Login.Title"), await (await client.GetAsync("/Account/Login")).ReadTextAsync());
    }
}
