using System.Net;
using Portal.Web.Features.Accounts;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

public sealed class SignInTests(PortalApp app) : IClassFixture<PortalApp>
{
    public static TheoryData<string, string> DemoUserPerRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var (role, email) in DemoUsers.ByRole)
        {
            data.Add(role, email);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoUserPerRole))]
    public async Task Each_role_lands_on_its_home_after_sign_in(string role, string email)
    {
        using var client = app.CreatePortalClient();

        using var signIn = await client.SignInAsync(email, DemoUsers.Password);

        Assert.Equal(Roles.HomeOf(role), signIn.RedirectTarget());
        using var home = await client.GetAsync(signIn.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain(app.Text<UiText>("Status.403.Title"), await home.ReadTextAsync());
    }

    [Fact]
    public async Task Investor_home_shows_the_dashboard_with_their_name()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.GoldInvestor);

        var page = await (await client.GetAsync("/")).ReadTextAsync();

        Assert.Contains(app.Text<AccountsText>("Investor.Title"), page);
        Assert.Contains("陈建华", page);
    }

    [Fact]
    public async Task Wrong_password_shows_the_neutral_error_and_stays_on_the_login_page()
    {
        using var client = app.CreatePortalClient();

        using var response = await client.SignInAsync(DemoUsers.Agent, "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Text<AccountsText>("Login.Invalid"), await response.ReadTextAsync());
    }

    [Fact]
    public async Task Unknown_email_shows_the_same_neutral_error()
    {
        using var client = app.CreatePortalClient();

        using var response = await client.SignInAsync("nobody@portal.demo", DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Text<AccountsText>("Login.Invalid"), await response.ReadTextAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        using var client = app.CreatePortalClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.SignInAsync(user.Email, "Wrong-Password-" + attempt);
            Assert.Contains(app.Text<AccountsText>("Login.Invalid"), await wrong.ReadTextAsync());
        }

        using var fifth = await client.SignInAsync(user.Email, "Wrong-Password-5");
        using var sixth = await client.SignInAsync(user.Email, user.Password);

        Assert.Equal("/Account/Lockout", sixth.RedirectTarget());
        using var lockout = await client.GetAsync("/Account/Lockout");
        Assert.Contains(app.Text<AccountsText>("Lockout.Title"), await lockout.ReadTextAsync());
    }

    [Fact]
    public async Task A_local_return_url_is_honoured_after_sign_in()
    {
        using var client = app.CreatePortalClient();

        using var response = await client.SubmitFormAsync("/Account/Login?ReturnUrl=%2Fprofile", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.Agent2,
            ["Input.Password"] = DemoUsers.Password,
        });

        Assert.Equal("/profile", response.RedirectTarget());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.Editor2);
        using var home = await client.GetAsync("/editor");
        var token = HtmlForms.HiddenFieldsOfFormWithId(await home.Content.ReadAsStringAsync(), "sign-out-form")["__RequestVerificationToken"];

        using var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        using var after = await client.GetAsync("/editor");

        Assert.StartsWith("/Account/Login", after.RedirectTarget(), StringComparison.Ordinal);
    }
}
