namespace Portal.Web.Features.Cases;

/// <summary>
/// The type of an attachment from its first bytes (PDF <c>%PDF-</c>, JPEG <c>FF D8 FF</c>, PNG
/// <c>89 50 4E 47 0D 0A 1A 0A</c>); the name and the browser's declared type are never believed. Pure.
/// </summary>
public static class AttachmentSniffer
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static readonly (byte[] Magic, string ContentType)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), Pdf),
        ([0xFF, 0xD8, 0xFF], Jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Png),
    ];

    /// <summary>The content type the bytes are, or null when they are none of the accepted ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, contentType) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return contentType;
            }
        }

        return null;
    }

    /// <summary>The name to store: the base name only (no folders), without control characters, at most <see cref="CaseLimits.MaxFileName"/> characters.</summary>
    public static string SafeFileName(string? fileName, string contentType)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c != '"')]).Trim();
        if (name.Length == 0)
        {
            name = "attachment" + contentType switch { Pdf => ".pdf", Jpeg => ".jpg", _ => ".png" };
        }

        return name.Length <= CaseLimits.MaxFileName ? name : name[^CaseLimits.MaxFileName..];
    }
}
