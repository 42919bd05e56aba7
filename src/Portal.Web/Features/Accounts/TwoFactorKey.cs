using System.Globalization;
using System.Text;

namespace Portal.Web.Features.Accounts;

/// <summary>How an authenticator key is shown to a person and handed to an authenticator app.</summary>
public static class TwoFactorKey
{
    /// <summary>Lower-case groups of four, easier to type by hand.</summary>
    public static string Format(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth URI authenticator apps accept (as typed text or in a QR code).</summary>
    public static string Uri(string issuer, string account, string key) => string.Format(
        CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
        System.Uri.EscapeDataString(issuer), System.Uri.EscapeDataString(account), key);

    /// <summary>What the user typed, without the spaces and hyphens apps show for readability.</summary>
    public static string Clean(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
