using Microsoft.AspNetCore.Identity;
using Portal.Web.Data;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Notifications.Security;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// The audit rows of the account pages (sign-in, password, two-step sign-in). A change Identity makes is committed
/// together with its row: both, or neither.
/// </summary>
internal sealed class AccountAudit(AuditTrail audit, PortalDbContext identityDb, SignInManager<PortalUser> signInManager, SecurityNotices notices)
{
    public static string UserSubject(string userId) => $"user:{userId}";

    public static string EmailSubject(string email) => $"email:{email.Trim()}";

    /// <summary>A page by its path only: a query string may carry what does not belong in the trail.</summary>
    public static string PageSubject(string path) => $"page:{path}";

    /// <summary>The user as an actor, right after they passed sign-in (their cookie is not on this request yet).</summary>
    public async Task<Actor> ActorOfAsync(PortalUser user, HttpContext context) =>
        Actor.From(await signInManager.CreateUserPrincipalAsync(user), context.Connection.RemoteIpAddress?.ToString());

    /// <summary>An event with no data change of its own (a sign-in, a sign-in refused).</summary>
    public Task RecordAsync(Actor actor, string action, string subject, string? details, CancellationToken cancellationToken) =>
        audit.RecordAsync(actor, action, subject, details, cancellationToken);

    /// <summary>
    /// Runs <paramref name="change"/> (Identity saving through the request's context) and, when it succeeds, adds the row
    /// in the same transaction. A refused change is rolled back and leaves no row.
    /// </summary>
    public async Task<IdentityResult> ChangeAsync(
        Actor actor, string action, string subject, Func<Task<IdentityResult>> change, CancellationToken cancellationToken, string? details = null)
    {
        await using var transaction = await identityDb.Database.BeginTransactionAsync(cancellationToken);
        var result = await change();
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return result;
        }

        audit.Add(identityDb, actor, action, subject, details);
        if (subject.StartsWith("user:", StringComparison.Ordinal) && await identityDb.Users.FindAsync([subject[5..]], cancellationToken) is { } user)
        {
            // A password or two-step change tells the account's owner, committed with the change.
            notices.AddAccountChange(identityDb, user, action);
        }

        await identityDb.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
