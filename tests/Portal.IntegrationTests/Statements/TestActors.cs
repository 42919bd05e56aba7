using Portal.Web.Features.Accounts;

namespace Portal.IntegrationTests.Statements;

/// <summary>Actors for calling services directly, as a page or endpoint would on behalf of its signed-in user.</summary>
internal static class TestActors
{
    public static Actor Admin { get; } = With(Roles.Admin);

    public static Actor Supervisor { get; } = With(Roles.Supervisor);

    public static Actor Agent { get; } = With(Roles.Agent);

    public static Actor Editor { get; } = With(Roles.Editor);

    public static Actor Investor(int investorId) =>
        new($"test-investor-{investorId}", $"Investor {investorId}", new HashSet<string>(StringComparer.Ordinal) { Roles.Investor }, investorId, "10.9.9.9");

    private static Actor With(string role) =>
        new($"test-{role.ToLowerInvariant()}", "Test " + role, new HashSet<string>(StringComparer.Ordinal) { role }, null, "10.9.9.9");
}
