using Portal.Web.Features.Accounts;

namespace Portal.UnitTests;

public sealed class RolesTests
{
    [Theory]
    [InlineData(Roles.Investor, "/")]
    [InlineData(Roles.Agent, "/agent")]
    [InlineData(Roles.Specialist, "/agent")]
    [InlineData(Roles.Supervisor, "/supervisor")]
    [InlineData(Roles.QualityInspector, "/qa")]
    [InlineData(Roles.Editor, "/editor")]
    [InlineData(Roles.Adviser, "/adviser")]
    [InlineData(Roles.Admin, "/admin/users")]
    public void Each_role_has_the_home_of_the_route_contract(string role, string home)
    {
        Assert.Equal(home, Roles.HomeOf(role));
        Assert.Equal(home, Roles.HomeFor([role]));
    }

    [Theory]
    [InlineData("/admin/users", Roles.Investor, Roles.Admin)]
    [InlineData("/supervisor", Roles.Agent, Roles.Supervisor)]
    [InlineData("/qa", Roles.Editor, Roles.QualityInspector)]
    [InlineData("/agent", Roles.Editor, Roles.Specialist)]
    [InlineData("/adviser", Roles.Agent, Roles.Adviser)]
    [InlineData("/editor", Roles.Investor, Roles.Editor)]
    [InlineData("/adviser", Roles.Adviser, Roles.Investor)]
    public void With_several_roles_the_highest_in_the_order_wins(string home, params string[] roles) =>
        Assert.Equal(home, Roles.HomeFor(roles));

    [Fact]
    public void No_role_or_an_unknown_role_lands_on_the_landing_page()
    {
        Assert.Equal("/", Roles.HomeFor([]));
        Assert.Equal("/", Roles.HomeFor(["Auditor"]));
    }

    [Fact]
    public void Role_names_match_exactly()
    {
        Assert.Equal("/", Roles.HomeFor(["admin"]));
    }

    [Fact]
    public void Every_role_is_listed_once_and_the_desk_is_agents_and_specialists()
    {
        Assert.Equal(8, Roles.All.Distinct().Count());
        Assert.Equal([Roles.Agent, Roles.Specialist], Roles.Desk.Split(','));
    }

    [Theory]
    [InlineData(ClientTier.Silver, false)]
    [InlineData(ClientTier.Gold, true)]
    [InlineData(ClientTier.Diamond, true)]
    public void Gold_and_diamond_clients_are_vip(ClientTier tier, bool vip) => Assert.Equal(vip, tier.IsVip());
}
