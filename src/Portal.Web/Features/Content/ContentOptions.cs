using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The shipped Markdown, relative to the app's folder (the build copies <c>content/</c> there).</summary>
    [Required]
    public string ShippedContentFolder { get; set; } = "content";

    /// <summary>Largest image an editor may upload.</summary>
    [Range(1024, 20 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How often the scheduler looks for approved items whose publish-at time has come.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PublishCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public string ShippedContentPath => Path.IsPathRooted(ShippedContentFolder)
        ? ShippedContentFolder
        : Path.Combine(AppContext.BaseDirectory, ShippedContentFolder);
}
