using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Notifications;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Sender address of every message.</summary>
    [Required]
    public string From { get; set; } = "Portal <no-reply@portal.demo>";

    /// <summary>Where .eml files go when no SMTP host is set; relative to the content root.</summary>
    [Required]
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>
    /// Says that writing mail to <see cref="PickupFolder"/> is wanted although this is not Development: without an SMTP host
    /// and without this, the app refuses to start, because activation codes and reset links would silently land in files.
    /// </summary>
    public bool UsePickupFolder { get; set; }
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>SMTP server; when empty, mail goes to the pickup folder instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary><c>Auto</c> (STARTTLS when offered), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.Auto;
}
