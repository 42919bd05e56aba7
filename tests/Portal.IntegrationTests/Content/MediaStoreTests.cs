using System.Net;
using Portal.Web.Features.Content;

namespace Portal.IntegrationTests.Content;

public sealed class MediaStoreTests(ContentApp app) : IClassFixture<ContentApp>
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    [Fact]
    public async Task An_uploaded_image_is_served_from_the_media_store_with_the_type_its_bytes_show()
    {
        var editor = await app.ActorAsync(DemoUsers.Editor, isEditor: true);

        var url = await app.WorkspaceAsync(w => w.UploadImageAsync(editor, "chart.jpg", Png));

        using var client = app.CreatePortalClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_whatever_its_name()
    {
        var editor = await app.ActorAsync(DemoUsers.Editor, isEditor: true);

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() =>
            app.WorkspaceAsync(w => w.UploadImageAsync(editor, "photo.png", "<svg onload=alert(1)></svg>"u8.ToArray())));

        Assert.Equal("Error.ImageType", refused.Code);
    }

    [Fact]
    public async Task An_image_over_the_size_limit_is_refused()
    {
        var editor = await app.ActorAsync(DemoUsers.Editor, isEditor: true);
        var huge = new byte[(2 * 1024 * 1024) + 1];
        Png.CopyTo(huge, 0);

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.UploadImageAsync(editor, "big.png", huge)));

        Assert.Equal("Error.ImageTooLarge", refused.Code);
    }

    [Fact]
    public async Task Only_editors_upload()
    {
        var supervisor = await app.ActorAsync(DemoUsers.Supervisor, isEditor: false, isSupervisor: true);

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => app.WorkspaceAsync(w => w.UploadImageAsync(supervisor, "chart.png", Png)));

        Assert.Equal(ContentWorkflowRules.NotAllowed, refused.Code);
    }
}
