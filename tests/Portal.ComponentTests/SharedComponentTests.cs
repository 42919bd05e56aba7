using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Layout;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Notifications.Inbox;

namespace Portal.ComponentTests;

public sealed class SharedComponentTests : PortalComponentTest
{
    [Theory]
    [InlineData(ClientTier.Silver, "en", "Silver")]
    [InlineData(ClientTier.Gold, "en", "Gold")]
    [InlineData(ClientTier.Diamond, "en", "Diamond")]
    [InlineData(ClientTier.Silver, "zh-Hans", "白银级")]
    [InlineData(ClientTier.Gold, "zh-Hans", "彩金级")]
    [InlineData(ClientTier.Diamond, "zh-Hans", "钻石级")]
    public void TierChip_names_the_tier_in_the_reader_language(ClientTier tier, string culture, string text)
    {
        UseCulture(culture);

        var chip = Render<TierChip>(p => p.Add(c => c.Tier, tier));

        Assert.Equal(text, chip.Find(".mud-chip").TextContent.Trim());
    }

    [Fact]
    public void TierChip_colours_vip_tiers_differently_from_silver()
    {
        var silver = Render<TierChip>(p => p.Add(c => c.Tier, ClientTier.Silver)).Find(".mud-chip").ClassName;
        var gold = Render<TierChip>(p => p.Add(c => c.Tier, ClientTier.Gold)).Find(".mud-chip").ClassName;
        var diamond = Render<TierChip>(p => p.Add(c => c.Tier, ClientTier.Diamond)).Find(".mud-chip").ClassName;

        Assert.Equal(3, new[] { silver, gold, diamond }.Distinct().Count());
    }

    [Theory]
    [InlineData(403, "You do not have access to this page", "This page belongs to another role.")]
    [InlineData(404, "Page not found", "The address may be mistyped, or the page has moved.")]
    [InlineData(429, "Too many attempts", "please wait a minute and try again.")]
    [InlineData(500, "Something went wrong", "We could not complete your request.")]
    [InlineData(400, "The request could not be completed", "Please go back and try again.")]
    public void StatusView_explains_the_status_and_offers_the_way_home(int status, string title, string message)
    {
        var view = Render<StatusView>(p => p.Add(v => v.StatusCode, status));

        Assert.Equal(title, view.Find("h1").TextContent.Trim());
        Assert.Contains(message, view.Markup, StringComparison.Ordinal);
        Assert.Equal("/", view.Find("a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public void LocalTime_shows_the_portal_s_one_date_and_time_form_in_the_reader_s_zone(string culture)
    {
        UseCulture(culture);
        Services.AddSingleton<UserTimeZone>();

        var time = Render<LocalTime>(p => p.Add(t => t.Value, new DateTimeOffset(2026, 12, 1, 22, 2, 0, TimeSpan.Zero)));

        Assert.Equal("2026-12-02 06:02", time.Find("time").TextContent);
        Assert.Equal("2026-12-01T22:02:00.0000000+00:00", time.Find("time").GetAttribute("datetime"));
    }

    [Fact]
    public void StatusView_speaks_Chinese_in_Chinese()
    {
        UseCulture("zh-Hans");

        var view = Render<StatusView>(p => p.Add(v => v.StatusCode, 404));

        Assert.Equal("页面不存在", view.Find("h1").TextContent.Trim());
    }

    [Fact]
    public void MainLayout_shows_the_configured_brand_and_the_page()
    {
        Portal.BrandName = "Harbour Wealth";

        var layout = RenderLayout("the page itself");

        Assert.Contains("Harbour Wealth", layout.Find("header").TextContent, StringComparison.Ordinal);
        Assert.Contains("the page itself", layout.Find(".mud-main-content").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MainLayout_offers_sign_in_to_visitors_and_the_navigation_toggle_has_a_name()
    {
        var layout = RenderLayout("body");

        Assert.Contains(layout.FindAll("header a"), a => a.GetAttribute("href") == "/Account/Login");
        Assert.Equal("Show or hide the navigation", layout.Find("header button").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData(Roles.Agent, true, false)]
    [InlineData(Roles.Investor, true, true)]
    public void MainLayout_gives_signed_in_people_the_bell_and_account_menu_and_investors_the_chat_button(string? role, bool signedIn, bool chat)
    {
        if (role is not null)
        {
            Auth.SetAuthorized("someone@portal.demo");
            Auth.SetRoles(role);
        }
        ComponentFactories.AddStub<InboxBell>();

        var layout = RenderLayout("body");

        Assert.Equal(signedIn, layout.HasComponent<Stub<InboxBell>>());
        Assert.Equal(signedIn, layout.FindAll("header button[aria-label='Account menu']").Count == 1);
        Assert.Equal(!signedIn, layout.FindAll("header a[href='/Account/Login']").Count == 1);
        Assert.Equal(chat, layout.FindAll(".chat-fab a[href='/chat']").Count == 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MainLayout_marks_the_app_bar_live_only_when_the_circuit_renders_it(bool interactive)
    {
        var layout = RenderLayout("body", interactive);

        Assert.Equal(interactive, layout.Find("header").HasAttribute("data-live"));
    }

    /// <summary>The layout as the live circuit renders it, or as the prerender does.</summary>
    private IRenderedComponent<MainLayout> RenderLayout(string body, bool interactive = true)
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo(interactive ? "Server" : "Static", interactive));
        return Render<MainLayout>(p => p.Add(l => l.Body, body));
    }
}
