using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Features.Accounts.DemoData;

/// <summary>An investor as other features' demo data needs them: who, which sign-in (null: never activated), which tier.</summary>
internal sealed record DemoClient(int InvestorId, string? UserId, string Name, ClientTier Tier);

/// <summary>A desk member (agent or specialist) for other features' demo data.</summary>
internal sealed record DemoDeskMember(string UserId, string Name, bool IsSpecialist);

/// <summary>Accounts' reads for the demo data of other features (which may not read Accounts' tables themselves).</summary>
internal static class DemoDirectory
{
    public static async Task<IReadOnlyList<DemoClient>> ListClientsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Set<Investor>().AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new DemoClient(i.Id, i.UserId, i.Name, i.Tier)).ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<DemoDeskMember>> ListDeskAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await db.Set<StaffProfile>().AsNoTracking()
            .Where(s => s.Team == StaffTeam.InboundTier1 || s.Team == StaffTeam.InboundTier2)
            .Where(s => db.UserRoles.Any(r => r.UserId == s.UserId && db.Roles.Any(role => role.Id == r.RoleId && (role.Name == Roles.Agent || role.Name == Roles.Specialist))))
            .OrderBy(s => s.StaffNumber)
            .Select(s => new DemoDeskMember(s.UserId, s.DisplayName, s.Team == StaffTeam.InboundTier2)).ToListAsync(cancellationToken);
}

/// <summary>A client of a dedicated adviser as the booking demo data books them: account number and tier too.</summary>
internal sealed record DemoAdvisedClient(int InvestorId, string? UserId, string Name, string AccountNumber, ClientTier Tier, string AdviserUserId);

/// <summary>The staff and clients the booking demo data needs.</summary>
internal static class DemoBookingDirectory
{
    /// <summary>The demo staff members with these e-mail addresses: user id and display name, by e-mail.</summary>
    public static async Task<IReadOnlyDictionary<string, (string UserId, string Name)>> FindStaffAsync(PortalDbContext db, IReadOnlyList<string> emails, CancellationToken cancellationToken) =>
        (await db.Set<StaffProfile>().AsNoTracking()
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { u.Email, s.UserId, s.DisplayName })
            .Where(x => x.Email != null && emails.Contains(x.Email))
            .ToListAsync(cancellationToken))
        .ToDictionary(x => x.Email!, x => (x.UserId, x.DisplayName), StringComparer.Ordinal);

    /// <summary>The Gold and Diamond clients with a dedicated adviser, in id order, at most <paramref name="take"/>.</summary>
    public static async Task<IReadOnlyList<DemoAdvisedClient>> ListVipClientsAsync(PortalDbContext db, int take, CancellationToken cancellationToken) =>
        await db.Set<Investor>().AsNoTracking()
            .Where(i => i.Tier != ClientTier.Silver && i.Adviser != null)
            .OrderBy(i => i.Id).Take(take)
            .Select(i => new DemoAdvisedClient(i.Id, i.UserId, i.Name, i.AccountNumber, i.Tier, i.Adviser!.UserId))
            .ToListAsync(cancellationToken);
}
