namespace Portal.Web.Features.Notifications;

/// <summary>The notifications' limits, declared once: the columns, the checks and the pages read them.</summary>
public static class NotificationLimits
{
    public const int MaxUserId = 450;

    /// <summary>A template's name: lower-case letters, digits and dashes (<c>case-status-changed</c>).</summary>
    public const int MaxTemplate = 64;

    /// <summary>A site-relative link (<c>/complaints/C-20261201-0042</c>).</summary>
    public const int MaxLink = 500;

    /// <summary>The template values, serialised as JSON.</summary>
    public const int MaxValuesJson = 8_000;

    public const int MaxTitle = 300;

    public const int MaxBody = 4_000;

    public const int MaxError = 1_000;

    public const int MaxInstance = 100;

    public const int MaxCulture = 16;

    public const int MaxAddress = 320;

    public const int MaxSmsText = 1_000;
}
