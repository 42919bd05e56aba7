using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

/// <summary>An admin changes a user's roles on /admin/users: tick, confirm, and the list shows it.</summary>
public sealed class RoleManagementTests(PortalAppFixture app) : BrowserTest(app)
{
    // The quality inspector: no other browser test signs in as them, and Editor does not change where they land.
    private const string Email = "qa@portal.demo";
    private const string Name = "周婷";
    private const string AdminName = "何静";

    [Fact]
    public async Task AdminGivesAUserTheEditorRoleAndItShowsInTheList()
    {
        await SignInAsync(DemoAccounts.Admin);
        var users = await new AdminUsersPage(Page).OpenAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();
        await users.Search.FillAsync(Email);
        // The search has applied (the admin's own row is gone), so the row's button is not re-rendered under the click.
        await Expect(users.RowOf(AdminName)).ToHaveCountAsync(0);
        await Expect(users.RowOf(Name)).Not.ToContainTextAsync("Editor");

        await users.ChangeRolesOf(Name).ClickAsync();
        await Expect(users.RoleCheckbox("Quality inspector")).ToBeCheckedAsync();
        await users.RoleCheckbox("Editor").CheckAsync();
        await users.SaveRoles.ClickAsync();
        await Expect(users.RolesDialog).ToContainTextAsync("Given: Editor");
        await users.ConfirmChange.ClickAsync();

        await Expect(users.RolesDialog).ToHaveCountAsync(0);
        await Expect(users.RowOf(Name)).ToContainTextAsync("Editor");
        await Expect(users.RowOf(Name)).ToContainTextAsync("Quality inspector");
        await Page.ReloadAsync();
        await users.Search.FillAsync(Email);
        await Expect(users.RowOf(Name)).ToContainTextAsync("Editor");
    }
}
