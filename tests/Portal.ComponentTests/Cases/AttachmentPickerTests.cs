using Bunit;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Ui;

namespace Portal.ComponentTests.Cases;

public sealed class AttachmentPickerTests : PortalComponentTest
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7 statement"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 4, 5];

    private static InputFileContent File(string name, byte[] content, string type = "application/pdf") => InputFileContent.CreateFromBinary(content, name, contentType: type);

    [Fact]
    public void Files_whose_bytes_are_not_pdf_jpeg_or_png_are_turned_away_with_the_reason_whatever_their_name()
    {
        var picker = Render<AttachmentPicker>();

        picker.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            File("statement.pdf", Pdf),
            File("fake.pdf", [.. "<html>not a pdf</html>"u8]),
            File("photo.png", Png, "image/png"));

        Assert.Equal(["statement.pdf", "photo.png"], picker.Instance.Files.Select(f => f.FileName));
        var rejects = picker.Find("[data-testid=attachment-rejects]").TextContent;
        Assert.Contains("fake.pdf was not added: only PDF, JPEG and PNG files can be attached", rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("statement.pdf", rejects, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_5_MB_and_the_sixth_file_are_each_refused_with_their_reason()
    {
        var picker = Render<AttachmentPicker>();
        var big = new byte[CaseLimits.MaxAttachmentBytes + 1];
        Pdf.CopyTo(big, 0);

        picker.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            File("big.pdf", big),
            File("1.pdf", Pdf), File("2.jpg", Jpeg, "image/jpeg"), File("3.png", Png, "image/png"), File("4.pdf", Pdf), File("5.pdf", Pdf),
            File("6.pdf", Pdf));

        Assert.Equal(5, picker.Instance.Files.Count);
        var rejects = picker.FindAll("[data-testid=attachment-rejects] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["big.pdf was not added: it is larger than 5 MB.", "6.pdf was not added: at most 5 files can be attached."], rejects);
    }

    [Fact]
    public void A_chosen_file_can_be_removed_before_sending()
    {
        var picker = Render<AttachmentPicker>();
        picker.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(File("a.pdf", Pdf), File("b.png", Png, "image/png"));

        picker.Find("button[aria-label='Remove a.pdf']").Click();

        Assert.Equal(["b.png"], picker.Instance.Files.Select(f => f.FileName));
        Assert.DoesNotContain("a.pdf", picker.Find(".case-file-list").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_input_is_labelled_with_the_limits()
    {
        var picker = Render<AttachmentPicker>(p => p.Add(c => c.Id, "reply-files"));

        Assert.Equal("reply-files", picker.Find("label").GetAttribute("for"));
        Assert.Equal("Attachments (optional): up to 5 PDF, JPEG or PNG files, 5 MB each", picker.Find("label").TextContent);
        Assert.NotNull(picker.Find("input#reply-files[type=file][multiple]"));
    }
}
