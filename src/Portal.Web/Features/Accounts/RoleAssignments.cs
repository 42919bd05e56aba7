using Microsoft.AspNetCore.Identity;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Accounts;

public enum RoleChangeOutcome
{
    Changed,
    Unchanged,
    UserNotFound,
    /// <summary>An admin tried to take away their own Admin role: someone must be left who can give it back.</summary>
    OwnAdminRole,
    Failed,
}

/// <summary>Gives and takes users' roles. Admins only, checked here whoever calls; every change is audited with before and after.</summary>
public sealed class RoleAssignments(IServiceScopeFactory scopes)
{
    /// <summary>Sets <paramref name="userId"/>'s roles to exactly <paramref name="roles"/> (names from <see cref="Roles.All"/>).</summary>
    public async Task<RoleChangeOutcome> ChangeRolesAsync(Actor actor, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"No such role: {string.Join(", ", unknown)}.", nameof(roles));
        }

        // Its own scope: a fresh context for Identity, also when called from a long-lived circuit.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return RoleChangeOutcome.UserNotFound;
        }

        var before = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
        var after = roles.ToHashSet(StringComparer.Ordinal);
        if (actor.UserId == userId && before.Contains(Roles.Admin) && !after.Contains(Roles.Admin))
        {
            return RoleChangeOutcome.OwnAdminRole;
        }

        var added = Roles.All.Where(r => after.Contains(r) && !before.Contains(r)).ToList();
        var removed = Roles.All.Where(r => before.Contains(r) && !after.Contains(r)).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return RoleChangeOutcome.Unchanged;
        }

        var audit = scope.ServiceProvider.GetRequiredService<AccountAudit>();
        var result = await audit.ChangeAsync(actor, AuditActions.RoleChanged, AccountAudit.UserSubject(user.Id), async () =>
        {
            var changed = added.Count > 0 ? await users.AddToRolesAsync(user, added) : IdentityResult.Success;
            changed = changed.Succeeded && removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : changed;
            // A new stamp ends the user's open sessions at their next check, so a role taken away stops working.
            return changed.Succeeded ? await users.UpdateSecurityStampAsync(user) : changed;
        }, cancellationToken, $"before: {InOrder(before)}; after: {InOrder(after)}");
        return result.Succeeded ? RoleChangeOutcome.Changed : RoleChangeOutcome.Failed;
    }

    private static string InOrder(HashSet<string> roles) =>
        roles.Count == 0 ? "none" : string.Join(", ", Roles.All.Where(roles.Contains));
}
