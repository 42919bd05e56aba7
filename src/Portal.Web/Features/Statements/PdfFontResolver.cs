using PdfSharp.Fonts;

namespace Portal.Web.Features.Statements;

/// <summary>
/// Gives PDFsharp the fonts embedded in the app: <see cref="Cjk"/> for Chinese, <see cref="Latin"/> for
/// everything else (regular and bold). PDFsharp subsets and embeds them, so the text stays extractable.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    public const string Cjk = "PortalCjk";
    public const string Latin = "PortalLatin";

    private static readonly Dictionary<string, Lazy<byte[]>> Faces = new(StringComparer.Ordinal)
    {
        ["Cjk"] = new(() => Load("Portal.Web.Statements.Cjk.ttf")),
        ["Latin"] = new(() => Load("Portal.Web.Statements.Latin.ttf")),
        ["LatinBold"] = new(() => Load("Portal.Web.Statements.LatinBold.ttf")),
    };

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFontResolver)
            {
                GlobalFontSettings.FontResolver = new PdfFontResolver();
            }
        }
    }

    /// <summary>Chinese has one weight here; bold Chinese is drawn regular (PDFsharp does not simulate bold).</summary>
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(familyName == Cjk ? "Cjk" : isBold ? "LatinBold" : "Latin");

    public byte[] GetFont(string faceName) => Faces[faceName].Value;

    /// <summary>True for characters the Latin font lacks: CJK ideographs, kana, full-width forms and CJK punctuation.</summary>
    public static bool NeedsCjk(char c) => c >= '\u2E80';

    private static byte[] Load(string name)
    {
        using var stream = typeof(PdfFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
