using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Editing;

namespace Portal.ComponentTests.Content;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class MarkdownEditorTests : IAsyncLifetime
{
    // MudBlazor's services are only async-disposable, so the context is disposed asynchronously.
    private readonly BunitContext _context = new();

    public MarkdownEditorTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<ContentRenderer>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<MarkdownEditor> Render(Action<ComponentParameterCollectionBuilder<MarkdownEditor>> parameters) =>
        _context.Render(parameters);

    [Fact]
    public void The_preview_shows_the_rendered_markdown_it_starts_with()
    {
        var editor = Render(p => p.Add(e => e.Value, "## Fees\n\nA **one-off** charge."));

        var preview = editor.Find("[data-testid=markdown-preview]");
        Assert.Equal("Fees", preview.QuerySelector("h2")!.TextContent);
        Assert.Equal("one-off", preview.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public void The_preview_follows_what_the_editor_types()
    {
        string? bound = null;
        var editor = Render(p => p
            .Add(e => e.Value, "")
            .Add(e => e.ValueChanged, value => bound = value));

        editor.Find("textarea").Input("## Dividends\n\n| Method | Paid as |\n|---|---|\n| Cash | money |");

        editor.WaitForAssertion(() =>
        {
            var preview = editor.Find("[data-testid=markdown-preview]");
            Assert.Equal("Dividends", preview.QuerySelector("h2")!.TextContent);
            Assert.Equal("Cash", preview.QuerySelector("td")!.TextContent);
        });
        Assert.StartsWith("## Dividends", bound, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_typed_into_the_editor_never_reaches_the_preview()
    {
        var editor = Render(p => p.Add(e => e.Value, ""));

        editor.Find("textarea").Input("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>");

        editor.WaitForAssertion(() =>
        {
            var preview = editor.Find("[data-testid=markdown-preview]");
            Assert.Contains("Hello", preview.TextContent, StringComparison.Ordinal);
            Assert.Empty(preview.QuerySelectorAll("script, img"));
        });
    }
}
