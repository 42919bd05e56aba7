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
