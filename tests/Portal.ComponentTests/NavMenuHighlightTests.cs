using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Layout;
using Portal.Web.Features.Accounts;

namespace Portal.ComponentTests;

/// <summary>The menu writes out its links itself: it highlights the current one and follows navigation and sign-in.</summary>
public sealed class NavMenuHighlightTests : PortalComponentTest
{
    [Fact]
    public void On_the_dashboard_an_investor_has_one_highlighted_entry_the_dashboard()
    {
        SignIn(Roles.Investor);

        var active = Assert.Single(Render<NavMenu>().FindAll("a.active"));

        Assert.Equal("/", active.GetAttribute("href"));
        Assert.Equal("page", active.GetAttribute("aria-current"));
    }

    [Fact]
    public void Navigating_moves_the_highlight_to_the_new_page_s_entry()
    {
        SignIn(Roles.Investor);
        var menu = Render<NavMenu>();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/statements?page=2");

        var active = Assert.Single(menu.FindAll("a.active"));
        Assert.Equal("/statements", active.GetAttribute("href"));
        Assert.Null(menu.Find("a[href='/']").GetAttribute("aria-current"));
    }

    [Fact]
    public void Signing_in_replaces_the_visitor_entries_with_the_user_s()
    {
        var menu = Render<NavMenu>();

        SignIn(Roles.Investor);

        Assert.Empty(menu.FindAll("a[href='/Account/Login']"));
        Assert.Equal("Dashboard", menu.Find("a[href='/']").TextContent.Trim());
    }

    [Fact]
    public void The_same_menu_on_the_same_page_is_one_shared_string_and_a_new_page_writes_its_own()
    {
        SignIn(Roles.Investor);
        var first = Render<NavMenu>();
        var second = Render<NavMenu>();
        Assert.Equal(first.Markup, second.Markup);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/transactions");

        Assert.Equal("/transactions", first.Find("a.active").GetAttribute("href"));
        Assert.Equal(first.Markup, second.Markup);
    }

    [Fact]
    public void Each_language_has_its_own_menu()
    {
        SignIn(Roles.Investor);
        Assert.Equal("Dashboard", Render<NavMenu>().Find("a[href='/']").TextContent);

        UseCulture("zh-Hans");

        Assert.Equal("首页概览", Render<NavMenu>().Find("a[href='/']").TextContent);
    }

    private void SignIn(string role)
    {
        Auth.SetAuthorized("someone@portal.demo");
        Auth.SetRoles(role);
    }

}
