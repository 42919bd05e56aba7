using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

public sealed class OperationsTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        using var client = app.CreatePortalClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Choosing_Chinese_is_remembered_and_the_login_page_speaks_it()
    {
        using var client = app.CreatePortalClient();

        using var switched = await client.GetAsync("/culture/zh-Hans?returnUrl=/");
        using var login = await client.GetAsync("/Account/Login");
        var page = await login.ReadTextAsync();

        Assert.Equal("/", switched.RedirectTarget());
        Assert.Contains("<html lang=\"zh-Hans\"", page, StringComparison.Ordinal);
        Assert.Contains(app.Text<AccountsText>("Login.Intro", "zh-Hans"), page);
        Assert.DoesNotContain(app.Text<AccountsText>("Login.Intro"), page);
    }

    [Fact]
    public async Task The_language_switch_refuses_to_send_users_off_site()
    {
        using var client = app.CreatePortalClient();

        using var response = await client.GetAsync("/culture/en?returnUrl=//evil.example");

        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task An_unknown_address_shows_a_friendly_404_page()
    {
        using var client = app.CreatePortalClient();

        using var response = await client.GetAsync("/no-such-page");
        var page = await response.ReadTextAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(app.Text<UiText>("Status.404.Title"), page);
        Assert.Contains(app.Text<UiText>("Status.BackHome"), page);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_PostgreSQL_database()
    {
        using var client = app.CreatePortalClient();
        using var _ = await client.GetAsync("/Account/Login");

        var (provider, keys) = await app.WithDbAsync(async db =>
            (db.Database.ProviderName, await db.DataProtectionKeys.CountAsync()));

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
        Assert.True(keys > 0, "No data-protection key in the database.");
    }

    [Fact]
    public async Task Demo_data_has_every_investor_once_and_loading_it_again_adds_nothing()
    {
        var before = await app.WithDbAsync(db => db.Set<Investor>().CountAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(CancellationToken.None);
            }
        }

        var after = await app.WithDbAsync(db => db.Set<Investor>().CountAsync());
        var users = await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@portal.demo")));
        Assert.Equal(DemoAccountsSeeder.Investors.Length + DemoAccountsSeeder.GeneratedInvestors, before);
        Assert.Equal(before, after);
        Assert.Equal(DemoAccountsSeeder.Investors.Length + DemoAccountsSeeder.Staff.Length, users);
    }
}
