using Portal.Web.Features.Accounts;
using Portal.Web.Features.Accounts.DemoData;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>The demo accounts every test app starts with (DESIGN.md), and the generated investors without online access.</summary>
public static class DemoUsers
{
    public const string Password = DemoAccountsSeeder.Password;

    public const string SilverInvestor = "investor.silver@portal.demo";
    public const string GoldInvestor = "investor.gold@portal.demo";
    public const string DiamondInvestor = "investor.diamond@portal.demo";
    public const string Agent = "agent@portal.demo";
    public const string Agent2 = "agent2@portal.demo";
    public const string Specialist = "specialist@portal.demo";
    public const string Supervisor = "supervisor@portal.demo";
    public const string QualityInspector = "qa@portal.demo";
    public const string Editor = "editor@portal.demo";
    public const string Editor2 = "editor2@portal.demo";
    public const string Adviser = "adviser@portal.demo";
    public const string Admin = "admin@portal.demo";

    /// <summary>One demo user for each role.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByRole = new Dictionary<string, string>
    {
        [Roles.Investor] = SilverInvestor,
        [Roles.Agent] = Agent,
        [Roles.Specialist] = Specialist,
        [Roles.Supervisor] = Supervisor,
        [Roles.QualityInspector] = QualityInspector,
        [Roles.Editor] = Editor,
        [Roles.Adviser] = Adviser,
        [Roles.Admin] = Admin,
    };

    private static readonly Lazy<IReadOnlyList<GeneratedInvestor>> s_generated =
        new(() => DemoPeople.Generate(DemoAccountsSeeder.GeneratedInvestors));

    /// <summary>
    /// Generated investor <paramref name="n"/> (1..300, account number 8801 + n in 8 digits): on file, no online access yet.
    /// Give each test its own n when it activates or otherwise changes one.
    /// </summary>
    internal static GeneratedInvestor GeneratedInvestor(int n) => s_generated.Value[n - 1];
}
