using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// MudThemeProvider writing what it always wrote, with two costs taken out (issue 13):
/// <list type="bullet">
/// <item>Its theme: MudThemeProvider builds the theme's CSS variables anew on every render, a 24 KB string that every
/// request built and every circuit kept. The portal has one theme, light or dark, so the markup is built once for each
/// and shared (strings do not change).</item>
/// <item>Its JavaScript in the prerender. Disposing, MudThemeProvider stops watching the system's dark mode in the
/// browser; in a prerender there is no browser, so the call threw and was caught on every page (profiled: 5 % of a
/// signed-in dashboard request's CPU). Nothing was started there to stop, so the prerender skips it.</item>
/// </list>
/// <c>PortalThemeProviderTests</c> compare its markup with MudThemeProvider's, so a MudBlazor update that changes what
/// the provider writes fails there.
/// </summary>
public sealed class PortalThemeProvider : MudThemeProvider
{
    /// <summary>The style MudThemeProvider writes for its charts' hover (MudBlazor 9.12's, as it is).</summary>
    private const string ChartHover =
        "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark, bool DefaultScrollbar), string> Markup = new();

    // The parameter itself: MudThemeProvider's own state only differs from it while it watches the system's dark
    // mode, which the portal never asks it to (the layout sets ObserveSystemDarkModeChange="false").
#pragma warning disable MUD0010
    protected override void BuildRenderTree(RenderTreeBuilder __builder) =>
        __builder.AddMarkupContent(0, Markup.GetOrAdd((GetTheme(), IsDarkMode, DefaultScrollbar),
            key => (key.DefaultScrollbar ? "" : BuildMudBlazorScrollbar()) + ChartHover + BuildTheme()));
#pragma warning restore MUD0010

    protected override ValueTask DisposeAsyncCore() => RendererInfo.IsInteractive ? base.DisposeAsyncCore() : ValueTask.CompletedTask;
}
