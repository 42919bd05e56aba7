using System.Text.RegularExpressions;
using Portal.Web.Features.Accounts;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

public sealed partial class PasswordResetTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string NewPassword = "Brand-New-Password-42";

    [Fact]
    public async Task The_emailed_link_resets_the_password_and_the_new_one_signs_in()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        using var client = app.CreatePortalClient();

        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = user.Email });
        Assert.Equal("/Account/ForgotPasswordConfirmation", requested.RedirectTarget());

        var link = ResetLink().Match(app.Mailbox.LatestTextTo(user.Email));
        Assert.True(link.Success, "The e-mail has no reset link.");
        using var reset = await client.SubmitFormAsync(new Uri(link.Value).PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Account/Login?status=reset", reset.RedirectTarget());

        using var oldPassword = await client.SignInAsync(user.Email, user.Password);
        using var newPassword = await client.SignInAsync(user.Email, NewPassword);
        Assert.Contains(app.Text<AccountsText>("Login.Invalid"), await oldPassword.ReadTextAsync());
        Assert.Equal("/agent", newPassword.RedirectTarget());
    }

    [Fact]
    public async Task A_forged_host_header_does_not_change_the_emailed_link_and_its_token_still_works()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        using var client = app.CreatePortalClient();
        // Every request of this client (the form's GET and its POST) names another host, as an attacker's would.
        client.BaseAddress = new Uri("http://evil.example/");

        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = user.Email });
        Assert.Equal("/Account/ForgotPasswordConfirmation", requested.RedirectTarget());

        var body = app.Mailbox.LatestTextTo(user.Email);
        Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
        var link = ResetLink().Match(body);
        Assert.True(link.Success, "The e-mail has no reset link:\n" + body);
        Assert.StartsWith(PortalApp.PublicBaseUrl + "/Account/ResetPassword?code=", link.Value, StringComparison.Ordinal);

        using var person = app.CreatePortalClient();
        using var reset = await person.SubmitFormAsync(new Uri(link.Value).PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal("/Account/Login?status=reset", reset.RedirectTarget());
        using var signIn = await person.SignInAsync(user.Email, NewPassword);
        Assert.Equal("/agent", signIn.RedirectTarget());
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_confirmation_and_no_email()
    {
        using var client = app.CreatePortalClient();
        const string unknown = "not-a-user@portal.demo";

        using var requested = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = unknown });

        Assert.Equal("/Account/ForgotPasswordConfirmation", requested.RedirectTarget());
        Assert.Empty(app.Mailbox.To(unknown));
    }

    [Fact]
    public async Task A_reset_link_without_a_code_explains_that_it_is_not_valid()
    {
        using var client = app.CreatePortalClient();

        using var page = await client.GetAsync("/Account/ResetPassword");

        Assert.Contains(app.Text<AccountsText>("Reset.InvalidLink"), await page.ReadTextAsync());
    }

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=\S+")]
    private static partial Regex ResetLink();
}
