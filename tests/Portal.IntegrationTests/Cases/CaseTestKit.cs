using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Cases;

namespace Portal.IntegrationTests.Cases;

/// <summary>The people and files the cases tests act with: real demo users as actors, and file bytes of each kind.</summary>
internal static class CaseTestKit
{
    public const string Specialist2 = "specialist2@portal.demo";

    public static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[64]];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00];

    public static InvestorCases Investors(this PortalApp app) => app.Services.GetRequiredService<InvestorCases>();

    public static CaseDesk Desk(this PortalApp app) => app.Services.GetRequiredService<CaseDesk>();

    /// <summary>The demo user as the services see them: id, display name, role, investor.</summary>
    public static async Task<Actor> ActorAsync(this PortalApp app, string email, string role) => await app.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var investor = await db.Set<Investor>().Where(i => i.UserId == userId).Select(i => new { i.Id, i.Name }).SingleOrDefaultAsync();
        var staff = await db.Set<StaffProfile>().Where(s => s.UserId == userId).Select(s => s.DisplayName).SingleOrDefaultAsync();
        return new Actor(userId, staff ?? investor?.Name ?? email, new HashSet<string> { role }, investor?.Id, "127.0.0.1");
    });

    /// <summary>A new member of staff of their own (no demo user's points or cases), with a staff profile on the inbound desk.</summary>
    public static async Task<Actor> NewStaffAsync(this PortalApp app, string role, string name)
    {
        var user = await app.CreateUserAsync(role);
        await app.WithDbAsync(async db =>
        {
            db.Add(new StaffProfile
            {
                UserId = user.Id, DisplayName = name, Team = role == Roles.Specialist ? StaffTeam.InboundTier2 : StaffTeam.InboundTier1,
                StaffNumber = "T" + user.Id[..4],
            });
            return await db.SaveChangesAsync();
        });
        return new Actor(user.Id, name, new HashSet<string> { role }, null, "127.0.0.1");
    }

    public static NewCaseInput Complaint(string subject = "Fee charged twice", IReadOnlyList<UploadedFile>? files = null, Guid? submission = null) =>
        new(CaseKind.Complaint, null, CaseCategory.Fees, subject, "I was charged the subscription fee twice on 3 November.", null, null, files ?? [],
            submission ?? Guid.NewGuid());

    public static NewCaseInput Request(RequestType type, string subject = "Please reset my password", Guid? submission = null) =>
        new(CaseKind.Request, type, CaseCategory.OnlineServices, subject, "I cannot sign in to the trading software.", null, null, [], submission ?? Guid.NewGuid());

    public static async Task<DeskCaseView> DeskViewAsync(this PortalApp app, Actor staff, string reference) =>
        await app.Desk().GetAsync(staff, reference) ?? throw new InvalidOperationException("No case " + reference);
}
