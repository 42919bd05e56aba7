using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Hosting;

/// <summary>
/// How many requests one client address, and one named account, may make per <see cref="Window"/> to the pages that
/// guess at secrets or cost the database (see <see cref="RateLimitHosting"/>). Counted per app instance.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in form posts (POST /Account/Login) from one address.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerAddress { get; set; } = 10;

    /// <summary>Sign-in form posts naming one e-mail address, from anywhere.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerAccount { get; set; } = 5;

    /// <summary>Activation code requests (POST /Account/Activate) from one address.</summary>
    [Range(1, 1_000_000)]
    public int ActivationPerAddress { get; set; } = 10;

    /// <summary>Activation code requests naming one account number, from anywhere.</summary>
    [Range(1, 1_000_000)]
    public int ActivationPerAccount { get; set; } = 5;

    /// <summary>Codes entered (activation confirmation and the two-factor sign-in step) from one address.</summary>
    [Range(1, 1_000_000)]
    public int CodeEntryPerAddress { get; set; } = 10;

    /// <summary>Password-reset requests (POST /Account/ForgotPassword) from one address.</summary>
    [Range(1, 1_000_000)]
    public int ForgotPasswordPerAddress { get; set; } = 5;

    /// <summary>Password-reset requests naming one e-mail address, from anywhere.</summary>
    [Range(1, 1_000_000)]
    public int ForgotPasswordPerAccount { get; set; } = 3;

    /// <summary>Search page loads (/search) from one address.</summary>
    [Range(1, 1_000_000)]
    public int SearchPerAddress { get; set; } = 30;

    /// <summary>The window the limits count in; a refused client is told when it ends (Retry-After).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
