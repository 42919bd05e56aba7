namespace Portal.E2ETests.Pages;

/// <summary>The demo sign-ins the app seeds when demo data is on (see the README).</summary>
public static class DemoAccounts
{
    public const string Password = "Portal-Demo-2026!";
    public const string GoldInvestor = "investor.gold@portal.demo";
    public const string GoldInvestorName = "陈建华";
    public const string GoldInvestorAccount = "880000000002";
    public const string SilverInvestor = "investor.silver@portal.demo";
    public const string DiamondInvestor = "investor.diamond@portal.demo";
    public const string Agent = "agent@portal.demo";
    public const string AgentName = "王芳";
    public const string Specialist = "specialist@portal.demo";
    public const string SpecialistName = "张敏";
    public const string Admin = "admin@portal.demo";
    public const string Adviser = "adviser@portal.demo";
    public const string Editor = "editor@portal.demo";
    public const string Supervisor = "supervisor@portal.demo";
    public const string QualityInspector = "qa@portal.demo";
}
