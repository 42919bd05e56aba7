using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Features.Accounts;

namespace Portal.Load;

/// <summary>
/// Real accounts for the chat benchmark, written straight into the app's database: investors (with their investor
/// record, so they sign in as investors) and agents (with their staff profile). They all share one password hash
/// (hashing is salted per hash, not per user), so creating thousands takes seconds, not the minutes PBKDF2 would.
/// </summary>
internal static class ChatLoadAccounts
{
    public static string InvestorEmail(int n) => $"load.investor{n}@portal.load";

    public static string AgentEmail(int n) => $"load.agent{n}@portal.load";

    public static async Task CreateAsync(string connectionString, bool postgres, int investors, int agents)
    {
        await using var db = BenchmarkData.Context(connectionString, postgres);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var hash = new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), PortalServer.DemoPassword);
        var now = DateTimeOffset.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var n = 1; n <= investors; n++)
        {
            var user = NewUser(InvestorEmail(n), $"Load investor {n}", hash);
            db.Add(user);
            db.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Investor] });
            db.Add(new Investor
            {
                AccountNumber = $"8899{n:D8}", Name = user.DisplayName, IdNumberLast4 = "0000", Mobile = $"199{n:D8}", Email = user.Email!,
                Birthday = new DateOnly(1980, 1, 1), Tier = (n % 10) switch { 0 => ClientTier.Diamond, 3 or 6 => ClientTier.Gold, _ => ClientTier.Silver },
                CreatedAt = now, UserId = user.Id,
            });
        }

        for (var n = 1; n <= agents; n++)
        {
            var user = NewUser(AgentEmail(n), $"Load agent {n}", hash);
            db.Add(user);
            db.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Agent] });
            db.Add(new StaffProfile { UserId = user.Id, DisplayName = user.DisplayName, Team = StaffTeam.InboundTier1, Rank = ServiceRank.Junior, StaffNumber = $"L{n:D4}" });
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    private static PortalUser NewUser(string email, string name, string passwordHash) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = name,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
    };
}
