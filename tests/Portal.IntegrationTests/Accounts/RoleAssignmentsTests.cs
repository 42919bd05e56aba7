using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.IntegrationTests.Accounts;

/// <summary>Giving and taking roles: admins only (checked by the service, whoever calls it), never an admin's own Admin role, always audited.</summary>
public sealed class RoleAssignmentsTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Investor)]
    public async Task Anyone_but_an_admin_is_refused_and_nothing_changes(string role)
    {
        var caller = await app.CreateUserAsync(role);
        var target = await app.CreateUserAsync(Roles.Agent);

        await Assert.ThrowsAsync<ActorForbiddenException>(() =>
            ChangeAsync(ActorOf(caller, role), target.Id, [Roles.Agent, Roles.Admin]));

        Assert.Equal([Roles.Agent], await RolesOfAsync(target.Id));
    }

    [Fact]
    public async Task An_admin_gives_and_takes_roles_and_the_change_is_audited_with_before_and_after()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var target = await app.CreateUserAsync(Roles.Agent);

        var outcome = await ChangeAsync(ActorOf(admin, Roles.Admin), target.Id, [Roles.Editor, Roles.Specialist]);

        Assert.Equal(RoleChangeOutcome.Changed, outcome);
        Assert.Equal([Roles.Editor, Roles.Specialist], await RolesOfAsync(target.Id));
        var row = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .SingleAsync(e => e.Action == AuditActions.RoleChanged && e.Subject == "user:" + target.Id));
        Assert.Equal(admin.Id, row.ActorUserId);
        Assert.Equal("before: Agent; after: Specialist, Editor", row.Details);
    }

    [Fact]
    public async Task An_admin_cannot_take_away_their_own_admin_role()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);

        var outcome = await ChangeAsync(ActorOf(admin, Roles.Admin), admin.Id, [Roles.Editor]);

        Assert.Equal(RoleChangeOutcome.OwnAdminRole, outcome);
        Assert.Equal([Roles.Admin], await RolesOfAsync(admin.Id));
    }

    private static Actor ActorOf(TestUser user, string role) =>
        new(user.Id, user.Email, new HashSet<string>([role], StringComparer.Ordinal), null, "10.9.9.9");

    private async Task<RoleChangeOutcome> ChangeAsync(Actor actor, string userId, string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoleAssignments>().ChangeRolesAsync(actor, userId, roles);
    }

    private Task<List<string>> RolesOfAsync(string userId) =>
        app.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());
}
