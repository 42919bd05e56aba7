namespace Portal.Web.Features.Accounts;

/// <summary>The portal's roles, and where each lands after sign-in.</summary>
public static class Roles
{
    public const string Investor = nameof(Investor);
    public const string Agent = nameof(Agent);
    public const string Specialist = nameof(Specialist);
    public const string Supervisor = nameof(Supervisor);
    public const string QualityInspector = nameof(QualityInspector);
    public const string Editor = nameof(Editor);
    public const string Adviser = nameof(Adviser);
    public const string Admin = nameof(Admin);

    /// <summary>Agents and specialists share the desk.</summary>
    public const string Desk = Agent + "," + Specialist;

    /// <summary>
    /// Every role, in the order a user with several roles is sent home (the first match wins): an adviser who also works the
    /// chat desk starts at their schedule.
    /// </summary>
    public static readonly IReadOnlyList<string> All =
        [Admin, Supervisor, QualityInspector, Adviser, Specialist, Agent, Editor, Investor];

    /// <summary>The home route of a role, from the route contract.</summary>
    public static string HomeOf(string role) => role switch
    {
        Admin => "/admin/users",
        Supervisor => "/supervisor",
        QualityInspector => "/qa",
        Agent or Specialist => "/agent",
        Editor => "/editor",
        Adviser => "/adviser",
        _ => "/",
    };

    /// <summary>Where a user with these roles lands after sign-in.</summary>
    public static string HomeFor(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        var first = All.FirstOrDefault(held.Contains);
        return first is null ? "/" : HomeOf(first);
    }
}
