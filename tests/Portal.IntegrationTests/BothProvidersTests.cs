using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;

namespace Portal.IntegrationTests;

/// <summary>
/// What must work the same on PostgreSQL (production) and SQLite (embedded): each test runs once per provider.
/// A feature whose queries sort or compare times or amounts adds its checks here.
/// </summary>
public abstract class BothProvidersTests(PortalApp app)
{
    [Fact]
    public async Task The_app_starts_migrated_with_the_demo_data_and_an_investor_signs_in()
    {
        using var client = app.CreatePortalClient();
        using var ready = await client.GetAsync("/health/ready");
        using var signIn = await client.SignInAsync(DemoUsers.SilverInvestor, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("/", signIn.RedirectTarget());
    }

    [Fact]
    public async Task User_search_ignores_case_and_the_role_filter_keeps_that_role_only()
    {
        var byEmail = await Directory(d => d.ListUsersAsync(PortalItself, "Agent2@Portal", null, 0, 50));
        var byName = await Directory(d => d.ListUsersAsync(PortalItself, "李强", null, 0, 50));
        var editors = await Directory(d => d.ListUsersAsync(PortalItself, null, Roles.Editor, 0, 50));

        Assert.Equal(DemoUsers.Agent2, Assert.Single(byEmail.Rows).Email);
        Assert.Equal(DemoUsers.Agent2, Assert.Single(byName.Rows).Email);
        Assert.Equal(2, editors.Total);
        Assert.All(editors.Rows, r => Assert.Equal([Roles.Editor], r.Roles));
    }

    [Fact]
    public async Task The_user_list_pages_in_name_order()
    {
        var first = await Directory(d => d.ListUsersAsync(PortalItself, null, null, 0, 5));
        var second = await Directory(d => d.ListUsersAsync(PortalItself, null, null, 1, 5));

        var names = first.Rows.Concat(second.Rows).Select(r => r.DisplayName).ToList();
        Assert.Equal(10, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.True(first.Total >= DemoAccountsSeeder.Staff.Length + DemoAccountsSeeder.Investors.Length);
    }

    [Fact]
    public async Task A_locked_user_shows_as_locked_until_the_lockout_ends()
    {
        var user = await app.CreateUserAsync(Roles.Agent);
        var until = DateTimeOffset.UtcNow.AddMinutes(15);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, until);
        }

        var row = Assert.Single((await Directory(d => d.ListUsersAsync(PortalItself, user.Email, null, 0, 5))).Rows);

        Assert.NotNull(row.LockedUntil);
        Assert.Equal(until.UtcTicks / TimeSpan.TicksPerSecond, row.LockedUntil.Value.UtcTicks / TimeSpan.TicksPerSecond);
    }

    [Fact]
    public async Task Clients_by_tier_count_every_investor()
    {
        var counts = await Directory(d => d.CountInvestorsByTierAsync());
        var expected = DemoPeople.Generate(DemoAccountsSeeder.GeneratedInvestors).Select(p => p.Tier)
            .Concat(DemoAccountsSeeder.Investors.Select(i => i.Tier))
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([ClientTier.Diamond, ClientTier.Gold, ClientTier.Silver], counts.Select(c => c.Tier));
        Assert.All(counts, c => Assert.Equal(expected[c.Tier], c.Count));
    }

    [Fact]
    public async Task The_adviser_sees_diamond_clients_first_then_by_account_number()
    {
        var adviserId = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == DemoUsers.Adviser).Id));

        var page = await Directory(d => d.ListAdvisedClientsAsync(PortalItself, adviserId, 0, 500));

        Assert.NotEmpty(page.Rows);
        Assert.All(page.Rows, c => Assert.True(c.Tier.IsVip()));
        var expected = page.Rows.OrderByDescending(c => c.Tier).ThenBy(c => c.AccountNumber, StringComparer.Ordinal);
        Assert.Equal(expected.Select(c => c.AccountNumber), page.Rows.Select(c => c.AccountNumber));
    }

    /// <summary>The reads here are about the queries, not about who may run them (AccountDirectoryAccessTests is).</summary>
    private static readonly Actor PortalItself = Actor.System("both providers tests");

    private async Task<T> Directory<T>(Func<AccountDirectory, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AccountDirectory>());
    }
}

public sealed class BothProvidersTestsOnPostgres(PortalApp app) : BothProvidersTests(app), IClassFixture<PortalApp>;

public sealed class BothProvidersTestsOnSqlite(SqlitePortalApp app) : BothProvidersTests(app), IClassFixture<SqlitePortalApp>;
