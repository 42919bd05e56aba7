using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Features.Accounts;

/// <summary>What the shell and the home pages need to know about the signed-in person.</summary>
public sealed record InvestorSummary(
    int Id, string AccountNumber, string Name, string MaskedIdNumber, string Mobile, string Email,
    DateOnly Birthday, ClientTier Tier, string? AdviserName, string? AdviserStaffNumber);

public sealed record StaffSummary(string DisplayName, StaffTeam Team, ServiceRank Rank, string StaffNumber);

/// <summary>A user as the admin list shows them; <see cref="LockedUntil"/> is set while sign-in is locked.</summary>
/// <summary>A member of the inbound desk (tier 1 or tier 2), to hand a case or a call to.</summary>
public sealed record DeskMember(string UserId, string DisplayName, StaffTeam Team);

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);

public sealed record AdvisedClient(string Name, string AccountNumber, ClientTier Tier);

public sealed record AdvisedClientPage(IReadOnlyList<AdvisedClient> Rows, int Total);

/// <summary>Where notifications reach a user: their confirmed e-mail address and their mobile number, when known.</summary>
public sealed record UserContact(string UserId, string? Email, string? Mobile);

/// <summary>
/// Reads investors, staff profiles and users for the pages that show them. Each read of a person's data checks the
/// actor itself: an investor reads only themselves, an adviser only their own clients, the desk, supervisors and
/// admins any client; a staff profile is for its owner, supervisors and admins; the user list is for admins.
/// </summary>
public sealed class AccountDirectory(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Staff who may look up any client.</summary>
    private static readonly string[] ClientReaders = [Roles.Agent, Roles.Specialist, Roles.Supervisor, Roles.Admin];

    /// <summary>Staff who may look at anyone's staff profile or adviser's client list.</summary>
    private static readonly string[] Managers = [Roles.Supervisor, Roles.Admin];

    /// <summary>
    /// The investor of a user, limited to an adviser's clients when <c>adviserUserId</c> is set: compiled once per model (CompiledPerModel), since
    /// every signed-in investor page asks it (building the query's expression and looking it up in EF's cache on each
    /// call cost more than running it).
    /// </summary>
    private static readonly CompiledPerModel<Func<PortalDbContext, string, string?, CancellationToken, Task<InvestorRow?>>> FindInvestor =
        new(() => EF.CompileAsyncQuery((PortalDbContext db, string userId, string? adviserUserId, CancellationToken _) =>
            db.Set<Investor>()
                .Where(i => i.UserId == userId && (adviserUserId == null || (i.Adviser != null && i.Adviser.UserId == adviserUserId)))
                .Select(i => new InvestorRow(i.Id, i.AccountNumber, i.Name, i.IdNumberLength, i.IdNumberLast4, i.Mobile, i.Email, i.Birthday, i.Tier,
                    i.Adviser == null ? null : i.Adviser.DisplayName, i.Adviser == null ? null : i.Adviser.StaffNumber))
                .SingleOrDefault()));

    /// <summary>The investor who signs in as <paramref name="userId"/>; null when there is none the actor may see.</summary>
    public async Task<InvestorSummary?> FindInvestorByUserAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        var self = actor.UserId == userId;
        var anyClient = self || actor.IsSystem || actor.IsInAnyRole(ClientReaders);
        if (!anyClient && !actor.IsInRole(Roles.Adviser))
        {
            throw new ActorForbiddenException($"{actor.UserId ?? "anonymous"} may not read another investor.");
        }

        if (!anyClient && actor.UserId is null)
        {
            // An adviser is matched to their clients by their user id: without one, no client is theirs (and a null
            // filter would mean any client).
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // An adviser sees their own clients only; anyone else is, to them, not there.
        return await FindInvestor.For(db)(db, userId, anyClient ? null : actor.UserId, cancellationToken) is { } row
            ? new(row.Id, row.AccountNumber, row.Name, Investor.MaskIdNumber(row.IdNumberLength, row.IdNumberLast4), row.Mobile, row.Email,
                row.Birthday, row.Tier, row.AdviserName, row.AdviserStaffNumber)
            : null;
    }

    public async Task<StaffSummary?> FindStaffByUserAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        RequireSelfOrManager(actor, userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StaffProfile>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new StaffSummary(s.DisplayName, s.Team, s.Rank, s.StaffNumber))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The inbound desk (teams InboundTier1 and InboundTier2) by name, for the desk and supervisors.</summary>
    public async Task<IReadOnlyList<DeskMember>> ListDeskMembersAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(ClientReaders);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StaffProfile>().AsNoTracking()
            .Where(s => s.Team == StaffTeam.InboundTier1 || s.Team == StaffTeam.InboundTier2)
            .OrderBy(s => s.DisplayName).ThenBy(s => s.UserId)
            .Select(s => new DeskMember(s.UserId, s.DisplayName, s.Team))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Where to reach each of <paramref name="userIds"/> (the notification dispatcher, on its context; no actor: it sends to them).</summary>
    public static async Task<IReadOnlyDictionary<string, UserContact>> FindContactsAsync(
        PortalDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Email = u.EmailConfirmed ? u.Email : null, u.PhoneNumber }).ToListAsync(cancellationToken);
        var mobiles = await db.Set<Investor>().AsNoTracking().Where(i => i.UserId != null && userIds.Contains(i.UserId))
            .Select(i => new { i.UserId, i.Mobile }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => new UserContact(u.Id, u.Email,
            mobiles.FirstOrDefault(m => m.UserId == u.Id && m.Mobile.Length > 0)?.Mobile ?? u.PhoneNumber), StringComparer.Ordinal);
    }

    /// <summary>The users whose mobile number is <paramref name="mobile"/> (an investor's, or a user's phone number), for a reply by SMS.</summary>
    public static async Task<IReadOnlyList<string>> FindUserIdsByMobileAsync(PortalDbContext db, string mobile, CancellationToken cancellationToken = default)
    {
        var investors = await db.Set<Investor>().AsNoTracking().Where(i => i.UserId != null && i.Mobile == mobile)
            .Select(i => i.UserId!).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == mobile).Select(u => u.Id).ToListAsync(cancellationToken);
        return [.. investors.Union(users, StringComparer.Ordinal)];
    }

    /// <summary>One page of users, filtered by name or e-mail and optionally by role, ordered by name.</summary>
    public async Task<UserPage> ListUsersAsync(Actor actor, string? search, string? role, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            // ToLower() becomes SQL lower() on both providers (ToLowerInvariant does not translate), so the search ignores case.
            var term = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311 // Runs in the database, where no .NET culture applies.
            users = users.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip(page * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new(rows.Select(r => new UserRow(r.Id, r.DisplayName, r.Email ?? "", r.Roles.Order().ToList(), r.LockoutEnd > now ? r.LockoutEnd : null)).ToList(), total);
    }

    public async Task<IReadOnlyList<TierCount>> CountInvestorsByTierAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Set<Investor>().GroupBy(i => i.Tier).Select(g => new { Tier = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Tier, g => g.Count, cancellationToken);
        return Enum.GetValues<ClientTier>().Reverse().Select(t => new TierCount(t, counts.GetValueOrDefault(t))).ToList();
    }

    /// <summary>The clients whose dedicated adviser is this user, VIPs first.</summary>
    public async Task<AdvisedClientPage> ListAdvisedClientsAsync(Actor actor, string adviserUserId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInAnyRole(Managers))
        {
            actor.RequireRole(Roles.Adviser);
        }

        RequireSelfOrManager(actor, adviserUserId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clients = db.Set<Investor>().AsNoTracking().Where(i => i.Adviser != null && i.Adviser.UserId == adviserUserId);
        var total = await clients.CountAsync(cancellationToken);
        // The tier is stored by name, so sorting by the column would put Gold before Diamond.
        var rows = await clients.OrderByDescending(i => i.Tier == ClientTier.Diamond ? 2 : i.Tier == ClientTier.Gold ? 1 : 0)
            .ThenBy(i => i.AccountNumber)
            .Skip(page * pageSize).Take(pageSize)
            .Select(i => new AdvisedClient(i.Name, i.AccountNumber, i.Tier))
            .ToListAsync(cancellationToken);
        return new(rows, total);
    }

    private static void RequireSelfOrManager(Actor actor, string userId)
    {
        if (actor.UserId != userId && !actor.IsSystem && !actor.IsInAnyRole(Managers))
        {
            throw new ActorForbiddenException($"{actor.UserId ?? "anonymous"} may not read the data of user {userId}.");
        }
    }

    /// <summary>
    /// The ids of users whose name or e-mail contains <paramref name="term"/> (any case), as a query in the caller's
    /// context, so another feature can filter its own rows by person in one statement (the audit trail by actor).
    /// </summary>
    public static IQueryable<string> UserIdsByNameOrEmail(PortalDbContext db, string term)
    {
        var lower = term.Trim().ToLowerInvariant();
        var upper = term.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311 // Runs in the database, where no .NET culture applies.
        return db.Users.Where(u => u.DisplayName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper)).Select(u => u.Id);
#pragma warning restore CA1304, CA1311
    }

    private sealed record InvestorRow(
        int Id, string AccountNumber, string Name, int IdNumberLength, string IdNumberLast4, string Mobile, string Email,
        DateOnly Birthday, ClientTier Tier, string? AdviserName, string? AdviserStaffNumber);
}
