using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;

namespace Portal.IntegrationTests.Accounts;

/// <summary>
/// A changed security stamp (new password, roles changed by an admin) ends a session once its cookie is older than
/// Identity's validation interval, and not before: the check, with its database work, runs only when it is due.
/// </summary>
public sealed class SecurityStampTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_cookie_due_for_its_check_is_refused_once_the_stamp_has_changed()
    {
        using var checkingAlways = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var user = await app.CreateUserAsync(Roles.Investor);
        using var client = await SignedInAsync(checkingAlways, user);
        using var before = await client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await ChangeStampAsync(user);

        using var after = await client.GetAsync("/profile");
        Assert.Equal("/Account/Login?ReturnUrl=%2Fprofile", after.RedirectTarget());
    }

    [Fact]
    public async Task A_cookie_inside_the_interval_is_not_checked_again()
    {
        var user = await app.CreateUserAsync(Roles.Investor);
        using var client = await SignedInAsync(app, user);

        await ChangeStampAsync(user);

        using var after = await client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, TestUser user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await client.SignInAsync(user.Email, user.Password);
        Assert.Equal("/", signIn.RedirectTarget());
        return client;
    }

    private async Task ChangeStampAsync(TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
    }
}
