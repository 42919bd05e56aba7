using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Layout;
using Portal.Web.Features.Accounts;

namespace Portal.ComponentTests;

public sealed class NavMenuTests : PortalComponentTest
{
    // Learn, FAQ and announcements are public: everyone sees them.
    private static readonly string[] PublicContent = ["/learn", "/faq", "/announcements"];

    [Fact]
    public void Anonymous_visitors_see_sign_in_and_activation()
    {
        var links = Links(Render<NavMenu>());

        Assert.Equal(["/", "/Account/Login", "/Account/Activate", .. PublicContent], links.Keys);
        Assert.Equal("Sign in", links["/Account/Login"]);
        Assert.Equal("Activate online access", links["/Account/Activate"]);
        Assert.Equal("Learn", links["/learn"]);
        Assert.Equal("FAQ", links["/faq"]);
        Assert.Equal("Announcements", links["/announcements"]);
    }

    [Fact]
    public void An_investor_sees_the_dashboard_but_no_staff_entries()
    {
        SignIn(Roles.Investor);

        var links = Links(Render<NavMenu>());

        Assert.Equal("Dashboard", links["/"]);
        Assert.Equal("Complaints", links["/complaints"]);
        Assert.Equal("Requests", links["/requests"]);
        Assert.Equal("Advisers", links["/advisers"]);
        Assert.Equal("Appointments", links["/appointments"]);
        Assert.DoesNotContain("/agent/tickets", links.Keys);
        Assert.Contains("/profile", links.Keys);
        Assert.DoesNotContain("/admin/users", links.Keys);
        Assert.DoesNotContain("/agent", links.Keys);
        Assert.DoesNotContain("/Account/Login", links.Keys);
    }

    [Fact]
    public void An_admin_sees_users_and_not_the_investor_dashboard()
    {
        SignIn(Roles.Admin);

        var links = Links(Render<NavMenu>());

        Assert.Equal("Users", links["/admin/users"]);
        Assert.Equal("Settings", links["/admin/settings"]);
        Assert.DoesNotContain("/", links.Keys);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Specialist)]
    public void Agents_and_specialists_see_the_service_desk(string role)
    {
        SignIn(role);

        var links = Links(Render<NavMenu>());

        Assert.Equal("Service desk", links["/agent"]);
        Assert.Equal("Tickets", links["/agent/tickets"]);
        Assert.Equal("Record a call", links["/agent/calls/new"]);
        Assert.DoesNotContain("/complaints", links.Keys);
        Assert.DoesNotContain("/admin/users", links.Keys);
    }

    [Fact]
    public void Supervisors_see_the_client_lookup()
    {
        SignIn(Roles.Supervisor);

        var links = Links(Render<NavMenu>());

        Assert.Equal("Clients", links["/supervisor/clients"]);
    }

    [Theory]
    [InlineData(Roles.Supervisor, new[] { "/agent/tickets", "/agent/calls/new", "/supervisor", "/supervisor/clients", "/editor/review" })]
    [InlineData(Roles.QualityInspector, new[] { "/qa" })]
    [InlineData(Roles.Editor, new[] { "/editor", "/editor/review" })]
    [InlineData(Roles.Adviser, new[] { "/adviser" })]
    public void Each_staff_role_sees_its_own_pages_and_no_other(string role, string[] own)
    {
        SignIn(role);

        var links = Links(Render<NavMenu>());

        Assert.Equal([.. own, .. PublicContent, "/profile", "/settings/notifications"], links.Keys);
    }

    [Theory]
    [InlineData("/adviser")]
    [InlineData("/adviser/requests")]
    [InlineData("/adviser/availability")]
    public void The_adviser_desk_entry_stays_highlighted_on_each_tab_of_the_desk(string path)
    {
        SignIn(Roles.Adviser);
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);

        var menu = Render<NavMenu>();

        Assert.Contains("active", menu.Find("a[href='/adviser']").ClassList);
        Assert.DoesNotContain(menu.FindAll("a[href]"), a => a.GetAttribute("href") != "/adviser" && a.ClassList.Contains("active"));
    }

    [Fact]
    public void A_user_with_two_roles_sees_both_entries()
    {
        SignIn(Roles.Supervisor, Roles.Agent);

        var links = Links(Render<NavMenu>());

        Assert.Contains("/supervisor", links.Keys);
        Assert.Contains("/agent", links.Keys);
    }

    [Fact]
    public void In_Chinese_the_entries_are_Chinese()
    {
        UseCulture("zh-Hans");

        var menu = Render<NavMenu>();
        var links = Links(menu);

        Assert.Equal("登录", links["/Account/Login"]);
        Assert.Equal("开通网上服务", links["/Account/Activate"]);
        Assert.Equal("投资者教育", links["/learn"]);
        Assert.Equal("常见问题", links["/faq"]);
        Assert.Equal("主导航", menu.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void In_Chinese_an_agent_sees_the_service_desk_in_Chinese()
    {
        UseCulture("zh-Hans");
        SignIn(Roles.Agent);

        var links = Links(Render<NavMenu>());

        Assert.Equal("服务台", links["/agent"]);
    }

    private void SignIn(params string[] roles)
    {
        Auth.SetAuthorized("someone@portal.demo");
        Auth.SetRoles(roles);
    }

    private static Dictionary<string, string> Links(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a[href]").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent.Trim());
}
