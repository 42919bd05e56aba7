namespace Portal.Web.Features.Accounts;

/// <summary>
/// One request for an activation code, kept for as long as the limits look back. In the database, so every instance
/// counts the same requests.
/// </summary>
public sealed class ActivationAttempt
{
    public const int AccountNumberLength = 32;
    public const int AddressLength = 64;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account number as typed (trimmed), known or not.</summary>
    public string AccountNumber { get; set; } = "";

    public string Address { get; set; } = "";

    public ActivationAttemptKind Kind { get; set; }
}

public enum ActivationAttemptKind
{
    /// <summary>Being answered. Counts as a failure and as a code until it is settled, so parallel requests cannot slip through.</summary>
    Pending,

    /// <summary>The details did not match.</summary>
    Failed,

    /// <summary>A code was sent.</summary>
    CodeSent,

    /// <summary>Answered without a code and without a mismatch (refused by a limit, or already active): counts for nothing.</summary>
    Settled,
}
