using System.Resources;

namespace Portal.Web.Resources;

/// <summary>
/// Validation messages for data-annotation attributes (<c>ErrorMessageResourceType = typeof(ValidationText)</c>).
/// Each property is read when the message is shown, so it follows the current UI culture.
/// </summary>
public static class ValidationText
{
    private static readonly ResourceManager Messages = new("Portal.Web.Resources.ValidationText", typeof(ValidationText).Assembly);

    public static string Required => Get(nameof(Required));

    public static string Email => Get(nameof(Email));

    public static string PasswordLength => Get(nameof(PasswordLength));

    public static string PasswordsDiffer => Get(nameof(PasswordsDiffer));

    public static string IdLast4 => Get(nameof(IdLast4));

    public static string AccountNumber => Get(nameof(AccountNumber));

    public static string Code => Get(nameof(Code));

    public static string AuthenticatorCode => Get(nameof(AuthenticatorCode));

    private static string Get(string name) => Messages.GetString(name, System.Globalization.CultureInfo.CurrentUICulture) ?? name;
}
