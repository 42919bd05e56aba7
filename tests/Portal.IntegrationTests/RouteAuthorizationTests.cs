using System.Net;
using Portal.Web.Features.Accounts;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

/// <summary>Every staff route against every role: the right role gets the page, a wrong role a 403 page, anonymous the sign-in.</summary>
public sealed class RouteAuthorizationTests(PortalApp app) : IClassFixture<PortalApp>
{
    private const string Anonymous = "(anonymous)";

    /// <summary>The staff routes of the route contract and who may open them. A feature adding a staff page adds its row.</summary>
    private static readonly (string Route, string[] Allowed)[] StaffRoutes =
    [
        ("/agent", [Roles.Agent, Roles.Specialist]),
        ("/supervisor", [Roles.Supervisor]),
        ("/qa", [Roles.QualityInspector]),
        ("/editor", [Roles.Editor]),
        ("/adviser", [Roles.Adviser]),
        ("/adviser/availability", [Roles.Adviser]),
        ("/admin/users", [Roles.Admin]),
        ("/admin/imports", [Roles.Admin]),
        ("/admin/settings", [Roles.Admin]),
        ("/admin/audit", [Roles.Admin]),
        ("/admin/notifications", [Roles.Admin]),
        ("/supervisor/clients", [Roles.Supervisor, Roles.Agent, Roles.Specialist]),
    ];

    // The demo user of each role holds just that role, but the demo adviser also works the chat desk.
    private static string[] RolesOf(string visitor) => visitor == Roles.Adviser ? [Roles.Adviser, Roles.Agent] : [visitor];

    public static TheoryData<string> Visitors()
    {
        var data = new TheoryData<string> { Anonymous };
        foreach (var role in DemoUsers.ByRole.Keys)
        {
            data.Add(role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Staff_routes_answer_each_visitor_as_the_route_contract_says(string visitor)
    {
        using var client = visitor == Anonymous ? app.CreatePortalClient() : await app.SignedInClientAsync(DemoUsers.ByRole[visitor]);
        var forbiddenTitle = app.Text<UiText>("Status.403.Title");
        var mismatches = new List<string>();

        foreach (var (route, allowed) in StaffRoutes)
        {
            using var response = await client.GetAsync(route);
            var text = await response.ReadTextAsync();
            var (expected, ok) = visitor switch
            {
                Anonymous => ("redirect to sign-in", response.RedirectTarget() == "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(route)),
                _ when allowed.Intersect(RolesOf(visitor)).Any() => ("200", response.StatusCode == HttpStatusCode.OK && !text.Contains(forbiddenTitle, StringComparison.Ordinal)),
                _ => ("403 page", response.StatusCode == HttpStatusCode.Forbidden && text.Contains(forbiddenTitle, StringComparison.Ordinal)),
            };
            if (!ok)
            {
                mismatches.Add($"{route}: expected {expected}, got {(int)response.StatusCode} {response.RedirectTarget()}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{visitor}:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Profile_needs_a_signed_in_user()
    {
        using var anonymous = app.CreatePortalClient();
        using var investor = await app.SignedInClientAsync(DemoUsers.DiamondInvestor);

        using var refused = await anonymous.GetAsync("/profile");
        using var shown = await investor.GetAsync("/profile");

        Assert.Equal("/Account/Login?ReturnUrl=%2Fprofile", refused.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("赵国栋", await shown.ReadTextAsync());
    }

    [Fact]
    public async Task Staff_opening_the_landing_page_are_sent_to_their_own_home()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.Supervisor);

        using var response = await client.GetAsync("/");

        Assert.Equal("/supervisor", response.RedirectTarget());
    }
}
