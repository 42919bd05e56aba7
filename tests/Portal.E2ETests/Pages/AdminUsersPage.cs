using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/admin/users": the user list and the dialog in which an admin changes a user's roles.</summary>
public sealed class AdminUsersPage(IPage page)
{
    public const string Path = "/admin/users";

    public ILocator Search => page.GetByLabel("Search name or e-mail");

    public ILocator RolesDialog => page.GetByRole(AriaRole.Dialog);

    public ILocator SaveRoles => RolesDialog.GetByRole(AriaRole.Button, new() { Name = "Save roles", Exact = true });

    public ILocator ConfirmChange => RolesDialog.GetByRole(AriaRole.Button, new() { Name = "Yes, change roles", Exact = true });

    /// <summary>The table row of the user with this name.</summary>
    public ILocator RowOf(string name) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public ILocator ChangeRolesOf(string name) => page.GetByRole(AriaRole.Button, new() { Name = $"Change roles of {name}", Exact = true });

    public ILocator RoleCheckbox(string role) => RolesDialog.GetByRole(AriaRole.Checkbox, new() { Name = role, Exact = true });

    public async Task<AdminUsersPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }
}
