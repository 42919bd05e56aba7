using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Accounts;

/// <summary>How often online activation may be tried, per account number and per client address.</summary>
public sealed class ActivationOptions
{
    public const string Section = "Activation";

    /// <summary>Codes sent for one account number within <see cref="CodeRequestWindow"/>.</summary>
    [Range(1, 100)]
    public int MaxCodesPerAccount { get; set; } = 3;

    /// <summary>Codes sent to requests from one client address within <see cref="CodeRequestWindow"/>, whatever the account.</summary>
    [Range(1, 1000)]
    public int MaxCodesPerAddress { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CodeRequestWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests with details that do not match, per account number and per address, within <see cref="FailureWindow"/>.</summary>
    [Range(1, 100)]
    public int MaxFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
