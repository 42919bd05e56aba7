namespace Portal.Web.Features.Accounts;

/// <summary>
/// A client as the firm's records know them. Online access is optional: <see cref="UserId"/> is set
/// when the investor activates it. The ID number is never stored whole, only its last four characters.
/// </summary>
public sealed class Investor
{
    public int Id { get; set; }

    /// <summary>The firm's client account number (资金账号).</summary>
    public string AccountNumber { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Last four characters of the resident ID number; used for activation and shown masked.</summary>
    public string IdNumberLast4 { get; set; } = "";

    /// <summary>Length of the full ID number, so the masked form has the right shape.</summary>
    public int IdNumberLength { get; set; } = 18;

    public string Mobile { get; set; } = "";

    public string Email { get; set; } = "";

    public DateOnly Birthday { get; set; }

    public ClientTier Tier { get; set; }

    /// <summary>
    /// The month <see cref="Tier"/> stands for: the month whose month-end set it, or the month a supervisor overrode it in.
    /// Null until the first month-end. See <see cref="CurrentTierRule"/>.
    /// </summary>
    public DateOnly? TierMonth { get; set; }

    /// <summary>True while <see cref="Tier"/> is a supervisor's override rather than the tier rule's result.</summary>
    public bool TierOverridden { get; set; }

    /// <summary>Counts the tier's writes; a concurrency token, so a tier write made from a stale read fails instead of winning.</summary>
    public int TierVersion { get; set; }

    /// <summary>The dedicated adviser (Gold and Diamond clients).</summary>
    public int? AdviserId { get; set; }

    public StaffProfile? Adviser { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string MaskedIdNumber => MaskIdNumber(IdNumberLength, IdNumberLast4);

    /// <summary>An ID number of <paramref name="length"/> characters shown as stars and its last four.</summary>
    public static string MaskIdNumber(int length, string last4) => new string('*', Math.Max(0, length - last4.Length)) + last4;
}
