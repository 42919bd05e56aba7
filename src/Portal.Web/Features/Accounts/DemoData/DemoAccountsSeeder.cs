using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Features.Accounts.DemoData;

/// <summary>The demo accounts of DESIGN.md and 300 generated investors. Inserts only what is missing.</summary>
internal sealed class DemoAccountsSeeder(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock) : IDemoDataSeeder
{
    public const string Password = "Portal-Demo-2026!";
    public const int GeneratedInvestors = 300;

    // The demo adviser also works the chat desk (AlsoRole Agent): online there, they are offered their Diamond clients' chats
    // first.
    internal sealed record DemoStaff(string Email, string Name, string Role, StaffTeam Team, ServiceRank Rank, string Number, string? AlsoRole = null);

    internal sealed record DemoInvestor(string Email, string Name, string AccountNumber, string IdNumber, string Mobile, DateOnly Birthday, ClientTier Tier);

    internal static readonly DemoStaff[] Staff =
    [
        new("agent@portal.demo", "王芳", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Junior, "A101"),
        new("agent2@portal.demo", "李强", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Intermediate, "A102"),
        new("agent3@portal.demo", "陈静", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Intermediate, "A103"),
        new("agent4@portal.demo", "杨涛", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Junior, "A104"),
        new("agent5@portal.demo", "黄婷", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Senior, "A105"),
        new("agent6@portal.demo", "赵晨", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Junior, "A106"),
        new("agent7@portal.demo", "徐欣", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Probation, "A107"),
        new("agent8@portal.demo", "孙浩", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Intermediate, "A108"),
        new("agent9@portal.demo", "马玲", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Junior, "A109"),
        new("agent10@portal.demo", "朱建", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Senior, "A110"),
        new("agent11@portal.demo", "胡雨", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Intermediate, "A111"),
        new("agent12@portal.demo", "郭明", Roles.Agent, StaffTeam.InboundTier1, ServiceRank.Probation, "A112"),
        new("specialist@portal.demo", "张敏", Roles.Specialist, StaffTeam.InboundTier2, ServiceRank.Senior, "S201"),
        new("specialist2@portal.demo", "林华", Roles.Specialist, StaffTeam.InboundTier2, ServiceRank.Senior, "S202"),
        new("specialist3@portal.demo", "何宇", Roles.Specialist, StaffTeam.InboundTier2, ServiceRank.Intermediate, "S203"),
        new("supervisor@portal.demo", "刘洋", Roles.Supervisor, StaffTeam.InboundTier1, ServiceRank.Senior, "M301"),
        new("qa@portal.demo", "周婷", Roles.QualityInspector, StaffTeam.QualityAndTraining, ServiceRank.Senior, "Q401"),
        new("editor@portal.demo", "吴磊", Roles.Editor, StaffTeam.Content, ServiceRank.Intermediate, "E501"),
        new("editor2@portal.demo", "郑丽", Roles.Editor, StaffTeam.Content, ServiceRank.Senior, "E502"),
        new("adviser@portal.demo", "孙伟", Roles.Adviser, StaffTeam.Advisory, ServiceRank.Senior, "V601", Roles.Agent),
        new("analyst@portal.demo", "周敏", Roles.Adviser, StaffTeam.Advisory, ServiceRank.Senior, "R602"),
        new("analyst2@portal.demo", "何立", Roles.Adviser, StaffTeam.Advisory, ServiceRank.Intermediate, "R603"),
        new("admin@portal.demo", "何静", Roles.Admin, StaffTeam.Operations, ServiceRank.Senior, "O701"),
    ];

    internal static readonly DemoInvestor[] Investors =
    [
        new("investor.silver@portal.demo", "林晓梅", "880000000001", DemoPeople.IdNumber("310115", new(1988, 3, 14), 212), "13800000001", new(1988, 3, 14), ClientTier.Silver),
        new("investor.gold@portal.demo", "陈建华", "880000000002", DemoPeople.IdNumber("440305", new(1975, 9, 2), 135), "13800000002", new(1975, 9, 2), ClientTier.Gold),
        new("investor.diamond@portal.demo", "赵国栋", "880000000003", DemoPeople.IdNumber("110105", new(1968, 12, 20), 417), "13800000003", new(1968, 12, 20), ClientTier.Diamond),
    ];

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)));
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var staff in Staff)
        {
            var user = await EnsureUserAsync(staff.Email, staff.Name, staff.Role);
            if (staff.AlsoRole is { } also && !await userManager.IsInRoleAsync(user, also))
            {
                Check(await userManager.AddToRoleAsync(user, also));
            }

            if (!await db.Set<StaffProfile>().AnyAsync(s => s.UserId == user.Id, cancellationToken))
            {
                db.Add(new StaffProfile { UserId = user.Id, DisplayName = staff.Name, Team = staff.Team, Rank = staff.Rank, StaffNumber = staff.Number });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var adviserUser = await userManager.FindByEmailAsync("adviser@portal.demo");
        var adviserId = await db.Set<StaffProfile>().Where(s => s.UserId == adviserUser!.Id).Select(s => s.Id).SingleAsync(cancellationToken);

        var existing = (await db.Set<Investor>().Select(i => i.AccountNumber).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var demo in Investors)
        {
            var user = await EnsureUserAsync(demo.Email, demo.Name, Roles.Investor, demo.Mobile);
            if (existing.Add(demo.AccountNumber))
            {
                db.Add(NewInvestor(demo.AccountNumber, demo.Name, demo.IdNumber, demo.Mobile, demo.Email, demo.Birthday, demo.Tier, adviserId, now, user.Id));
            }
        }

        foreach (var person in DemoPeople.Generate(GeneratedInvestors).Where(p => existing.Add(p.AccountNumber)))
        {
            db.Add(NewInvestor(person.AccountNumber, person.Name, person.IdNumber, person.Mobile, person.Email, person.Birthday, person.Tier, adviserId, now, null));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Investor NewInvestor(
        string accountNumber, string name, string idNumber, string mobile, string email, DateOnly birthday,
        ClientTier tier, int adviserId, DateTimeOffset now, string? userId) => new()
    {
        AccountNumber = accountNumber,
        Name = name,
        IdNumberLast4 = idNumber[^4..],
        IdNumberLength = idNumber.Length,
        Mobile = mobile,
        Email = email,
        Birthday = birthday,
        Tier = tier,
        AdviserId = tier.IsVip() ? adviserId : null,
        CreatedAt = now,
        UserId = userId,
    };

    private async Task<PortalUser> EnsureUserAsync(string email, string name, string role, string? mobile = null)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PhoneNumber = mobile };
            Check(await userManager.CreateAsync(user, Password));
        }

        if (!await userManager.IsInRoleAsync(user, role))
        {
            Check(await userManager.AddToRoleAsync(user, role));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
