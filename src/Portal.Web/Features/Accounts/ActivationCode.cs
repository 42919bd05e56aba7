namespace Portal.Web.Features.Accounts;

/// <summary>A one-time code sent to an investor who asked to activate online access.</summary>
public sealed class ActivationCode
{
    public int Id { get; set; }

    public int InvestorId { get; set; }

    /// <summary>SHA-256 of the code; the code itself is only ever in the message sent.</summary>
    public string CodeHash { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Codes entered against this one so far; each is counted before it is compared (at most <see cref="ActivationService.MaxCodeAttempts"/>).</summary>
    public int Tries { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
