using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// MudThemeProvider without its JavaScript in the prerender. Disposing, MudThemeProvider stops watching the system's dark
/// mode in the browser; in a prerender there is no browser, so the call threw and was caught on every page (profiled:
/// 5 % of a signed-in dashboard request's CPU). Nothing was started there to stop, so the prerender skips it.
/// </summary>
public sealed class PortalThemeProvider : MudThemeProvider
{
    protected override ValueTask DisposeAsyncCore() => RendererInfo.IsInteractive ? base.DisposeAsyncCore() : ValueTask.CompletedTask;
}
