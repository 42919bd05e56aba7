using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;

namespace Portal.IntegrationTests.Accounts;

/// <summary>
/// People's data read through the directory: the service checks the actor itself, whatever page calls it. An investor
/// sees only themselves, an adviser only their own clients, staff profiles their owner and managers, the user list admins.
/// </summary>
public sealed class AccountDirectoryAccessTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task An_investor_reads_their_own_record_but_never_another_investors()
    {
        var silver = await ActorAsync(DemoUsers.SilverInvestor, Roles.Investor);
        var goldId = await UserIdAsync(DemoUsers.GoldInvestor);

        var own = await DirectoryAsync(d => d.FindInvestorByUserAsync(silver, silver.UserId!));

        Assert.Equal("林晓梅", own!.Name);
        await Assert.ThrowsAsync<ActorForbiddenException>(() => DirectoryAsync(d => d.FindInvestorByUserAsync(silver, goldId)));
    }

    [Fact]
    public async Task The_desk_reads_any_client_and_an_adviser_only_their_own_clients()
    {
        var agent = await ActorAsync(DemoUsers.Agent, Roles.Agent);
        var adviser = await ActorAsync(DemoUsers.Adviser, Roles.Adviser);
        var silverId = await UserIdAsync(DemoUsers.SilverInvestor);
        var goldId = await UserIdAsync(DemoUsers.GoldInvestor);

        Assert.Equal("林晓梅", (await DirectoryAsync(d => d.FindInvestorByUserAsync(agent, silverId)))!.Name);
        Assert.Equal("陈建华", (await DirectoryAsync(d => d.FindInvestorByUserAsync(adviser, goldId)))!.Name);
        // The silver client has no adviser: to the adviser, that client is not there.
        Assert.Null(await DirectoryAsync(d => d.FindInvestorByUserAsync(adviser, silverId)));
        // An adviser is matched to their clients by user id; one without a user id has no clients.
        Assert.Null(await DirectoryAsync(d => d.FindInvestorByUserAsync(adviser with { UserId = null }, goldId)));
    }

    [Fact]
    public async Task An_adviser_lists_their_own_clients_only_and_others_are_refused()
    {
        var adviser = await ActorAsync(DemoUsers.Adviser, Roles.Adviser);
        var agent = await ActorAsync(DemoUsers.Agent, Roles.Agent);

        Assert.NotEmpty((await DirectoryAsync(d => d.ListAdvisedClientsAsync(adviser, adviser.UserId!, 0, 10))).Rows);
        await Assert.ThrowsAsync<ActorForbiddenException>(() => DirectoryAsync(d => d.ListAdvisedClientsAsync(agent, adviser.UserId!, 0, 10)));
        await Assert.ThrowsAsync<ActorForbiddenException>(() => DirectoryAsync(d => d.ListAdvisedClientsAsync(agent, agent.UserId!, 0, 10)));
    }

    [Fact]
    public async Task Staff_profiles_are_for_their_owner_and_managers_and_the_user_list_for_admins()
    {
        var agent = await ActorAsync(DemoUsers.Agent, Roles.Agent);
        var supervisor = await ActorAsync(DemoUsers.Supervisor, Roles.Supervisor);
        var admin = await ActorAsync(DemoUsers.Admin, Roles.Admin);

        Assert.NotNull(await DirectoryAsync(d => d.FindStaffByUserAsync(agent, agent.UserId!)));
        Assert.NotNull(await DirectoryAsync(d => d.FindStaffByUserAsync(supervisor, agent.UserId!)));
        await Assert.ThrowsAsync<ActorForbiddenException>(() => DirectoryAsync(d => d.FindStaffByUserAsync(agent, supervisor.UserId!)));
        Assert.NotEmpty((await DirectoryAsync(d => d.ListUsersAsync(admin, null, null, 0, 5))).Rows);
        await Assert.ThrowsAsync<ActorForbiddenException>(() => DirectoryAsync(d => d.ListUsersAsync(supervisor, null, null, 0, 5)));
    }

    private async Task<Actor> ActorAsync(string email, string role)
    {
        var userId = await UserIdAsync(email);
        var investorId = await app.WithDbAsync(db => db.Set<Investor>().Where(i => i.UserId == userId).Select(i => (int?)i.Id).SingleOrDefaultAsync());
        return new Actor(userId, email, new HashSet<string>([role], StringComparer.Ordinal), investorId, "10.8.8.8");
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<T> DirectoryAsync<T>(Func<AccountDirectory, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AccountDirectory>());
    }
}
