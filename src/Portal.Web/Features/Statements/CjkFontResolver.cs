using PdfSharp.Fonts;

namespace Portal.Web.Features.Statements;

/// <summary>
/// Gives PDFsharp the embedded CJK TrueType font for every family it asks for, so Chinese and Latin text
/// both render, embed as a subset and stay extractable. Bold is simulated.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "PortalCjk";
    private const string Face = "PortalCjk-Regular";

    private static readonly Lazy<byte[]> FontBytes = new(() =>
    {
        using var stream = typeof(CjkFontResolver).Assembly.GetManifestResourceStream("Portal.Web.Statements.CjkFont.ttf")
            ?? throw new InvalidOperationException("The embedded CJK font is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lock Gate = new();
    private static bool _licensed;

    /// <summary>Loads the license and installs the resolver once per process (PDFsharp's settings are global).</summary>
    public static void EnsureInstalled(string? licenseKey)
    {
        lock (Gate)
        {
            if (!_licensed)
            {
                _licensed = true;
                if (string.IsNullOrWhiteSpace(licenseKey))
                {
                    PdfSharp.PdfSharpLicense.SetAgplLicense();
                }
                else
                {
                    PdfSharp.PdfSharpLicense.LoadLicense(licenseKey);
                }
            }

            if (GlobalFontSettings.FontResolver is not CjkFontResolver)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver();
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(Face, isBold, isItalic);

    public byte[] GetFont(string faceName) => FontBytes.Value;
}
