using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

/// <summary>Sign-in for a user who has turned on two-step sign-in: the password alone is not enough.</summary>
public sealed class TwoFactorSignInTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_authenticator_code_completes_the_sign_in()
    {
        var (user, key, _) = await UserWithTwoFactorAsync();
        using var client = app.CreatePortalClient();

        using var password = await client.SignInAsync(user.Email, user.Password);
        var secondStep = password.RedirectTarget();
        Assert.StartsWith("/Account/LoginWith2fa", secondStep, StringComparison.Ordinal);
        using var code = await SubmitCodeAsync(client, secondStep!, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Equal("/supervisor", code.RedirectTarget());
        using var home = await client.GetAsync("/supervisor");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_user_stays_signed_out()
    {
        var (user, key, _) = await UserWithTwoFactorAsync();
        using var client = app.CreatePortalClient();
        var wrong = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1));

        using var password = await client.SignInAsync(user.Email, user.Password);
        using var code = await SubmitCodeAsync(client, password.RedirectTarget()!, wrong);
        using var home = await client.GetAsync("/supervisor");

        Assert.Contains(app.Text<AccountsText>("TwoFactor.WrongCode"), await code.ReadTextAsync());
        Assert.StartsWith("/Account/Login", home.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var (user, _, recoveryCodes) = await UserWithTwoFactorAsync();
        using var first = app.CreatePortalClient();
        using var second = app.CreatePortalClient();

        using var firstPassword = await first.SignInAsync(user.Email, user.Password);
        using var firstCode = await SubmitCodeAsync(first, firstPassword.RedirectTarget()!, recoveryCodes[0]);
        using var secondPassword = await second.SignInAsync(user.Email, user.Password);
        using var secondCode = await SubmitCodeAsync(second, secondPassword.RedirectTarget()!, recoveryCodes[0]);

        Assert.Equal("/supervisor", firstCode.RedirectTarget());
        Assert.Contains(app.Text<AccountsText>("TwoFactor.WrongCode"), await secondCode.ReadTextAsync());
    }

    private async Task<(TestUser User, string Key, IReadOnlyList<string> RecoveryCodes)> UserWithTwoFactorAsync()
    {
        var user = await app.CreateUserAsync(Roles.Supervisor);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var portalUser = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(portalUser);
        await users.SetTwoFactorEnabledAsync(portalUser, true);
        var key = (await users.GetAuthenticatorKeyAsync(portalUser))!;
        var recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(portalUser, 10))!.ToList();
        return (user, key, recoveryCodes);
    }

    private static Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, string secondStepUrl, string code) =>
        client.SubmitFormAsync(secondStepUrl, "login-2fa", new Dictionary<string, string> { ["Input.Code"] = code });
}
