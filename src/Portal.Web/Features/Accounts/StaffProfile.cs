namespace Portal.Web.Features.Accounts;

/// <summary>Service rank of a representative (试用 → 初级 → 中级 → 高级).</summary>
public enum ServiceRank
{
    Probation = 0,
    Junior = 1,
    Intermediate = 2,
    Senior = 3,
}

/// <summary>Teams of the service department.</summary>
public enum StaffTeam
{
    InboundTier1 = 0,
    InboundTier2 = 1,
    Outbound = 2,
    QualityAndTraining = 3,
    Content = 4,
    Advisory = 5,
    Operations = 6,
}

/// <summary>A member of staff: who they are inside the department.</summary>
public sealed class StaffProfile
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public StaffTeam Team { get; set; }

    public ServiceRank Rank { get; set; }

    /// <summary>Short staff number shown to clients (e.g. in chat).</summary>
    public string StaffNumber { get; set; } = "";
}
