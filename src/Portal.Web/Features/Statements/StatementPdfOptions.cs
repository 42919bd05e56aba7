namespace Portal.Web.Features.Statements;

/// <summary>PDFsharp 6.5 needs a license loaded before use.</summary>
public sealed class StatementPdfOptions
{
    public const string Section = "StatementPdf";

    /// <summary>
    /// A commercial PDFsharp license key. When empty, PDFsharp's free AGPL license is loaded, which puts the
    /// deployed app under the AGPL's terms; set a key to avoid that.
    /// </summary>
    public string? PdfSharpLicenseKey { get; set; }
}
