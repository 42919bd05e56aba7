using Portal.Web.Components.Layout;
using Portal.Web.Features.Accounts;

namespace Portal.ComponentTests.Audit;

/// <summary>The audit trail is in the admin's navigation, in both languages, and in no one else's.</summary>
public sealed class AuditNavigationTests : PortalComponentTest
{
    [Theory]
    [InlineData("en", "Audit trail")]
    [InlineData("zh-Hans", "审计日志")]
    public void An_admin_finds_the_audit_trail_in_the_navigation(string culture, string name)
    {
        UseCulture(culture);
        SignIn(Roles.Admin);

        var links = Render<NavMenu>().FindAll("a[href='/admin/audit']");

        Assert.Equal(name, Assert.Single(links).TextContent.Trim());
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Investor)]
    public void Other_roles_do_not_see_it(string role)
    {
        SignIn(role);

        Assert.Empty(Render<NavMenu>().FindAll("a[href='/admin/audit']"));
    }

    private void SignIn(string role)
    {
        Auth.SetAuthorized("someone@portal.demo");
        Auth.SetRoles(role);
    }
}
