using System.Text;
using Portal.Web.Features.Cases;

namespace Portal.UnitTests.Cases;

/// <summary>Attachments are typed by their first bytes; names and declared types are never believed.</summary>
public sealed class AttachmentSnifferTests
{
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), .. new byte[32]];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    public static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    [Fact]
    public void A_PDF_is_known_by_its_header() => Assert.Equal("application/pdf", AttachmentSniffer.Sniff(Pdf));

    [Fact]
    public void A_JPEG_is_known_by_its_header() => Assert.Equal("image/jpeg", AttachmentSniffer.Sniff(Jpeg));

    [Fact]
    public void A_PNG_is_known_by_its_signature() => Assert.Equal("image/png", AttachmentSniffer.Sniff(Png));

    [Fact]
    public void A_program_is_none_of_them() => Assert.Null(AttachmentSniffer.Sniff(Exe));

    [Theory]
    [InlineData("")]
    [InlineData("%PDF")]
    [InlineData("%pdf-1.4")]
    [InlineData(" %PDF-1.4")]
    [InlineData("<html><body>%PDF-</body></html>")]
    [InlineData("GIF89a")]
    public void Texts_and_near_misses_are_refused(string start) => Assert.Null(AttachmentSniffer.Sniff(Encoding.Latin1.GetBytes(start)));

    [Fact]
    public void A_cut_PNG_signature_is_refused() => Assert.Null(AttachmentSniffer.Sniff(Png.AsSpan(0, 7)));

    [Fact]
    public void Two_JPEG_bytes_are_not_a_JPEG() => Assert.Null(AttachmentSniffer.Sniff(Jpeg.AsSpan(0, 2)));

    [Theory]
    [InlineData("receipt.pdf", "receipt.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\me\\scan.png", "scan.png")]
    [InlineData("bad\"name\u0001.jpg", "badname.jpg")]
    [InlineData("  spaced.png  ", "spaced.png")]
    public void Stored_names_keep_only_the_base_name(string given, string stored) =>
        Assert.Equal(stored, AttachmentSniffer.SafeFileName(given, "image/png"));

    [Theory]
    [InlineData("application/pdf", "attachment.pdf")]
    [InlineData("image/jpeg", "attachment.jpg")]
    [InlineData("image/png", "attachment.png")]
    public void A_file_without_a_name_gets_one_from_its_type(string contentType, string stored)
    {
        Assert.Equal(stored, AttachmentSniffer.SafeFileName("", contentType));
        Assert.Equal(stored, AttachmentSniffer.SafeFileName(null, contentType));
        Assert.Equal(stored, AttachmentSniffer.SafeFileName("folder/", contentType));
    }

    [Fact]
    public void A_very_long_name_keeps_its_end() =>
        Assert.Equal(new string('a', 251) + ".pdf", AttachmentSniffer.SafeFileName(new string('a', 400) + ".pdf", "application/pdf"));
}
