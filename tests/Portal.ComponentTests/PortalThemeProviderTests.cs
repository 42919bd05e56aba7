using MudBlazor;
using Portal.Web.Components.Layout;

namespace Portal.ComponentTests;

/// <summary>PortalThemeProvider writes what MudThemeProvider writes, for the portal's theme in both modes and after a switch.</summary>
public sealed class PortalThemeProviderTests : PortalComponentTest
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void It_writes_MudThemeProviders_markup(bool dark, bool defaultScrollbar)
    {
        var mud = Render<MudThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme).Add(t => t.IsDarkMode, dark).Add(t => t.DefaultScrollbar, defaultScrollbar));
        var portal = Render<PortalThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme).Add(t => t.IsDarkMode, dark).Add(t => t.DefaultScrollbar, defaultScrollbar));

        Assert.Equal(Normalised(mud.Markup), Normalised(portal.Markup));
    }

    [Fact]
    public void Switching_to_dark_writes_the_dark_palette()
    {
        var provider = Render<PortalThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme).Add(t => t.IsDarkMode, false));

        provider.Render(p => p.Add(t => t.IsDarkMode, true));

        var mud = Render<MudThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme).Add(t => t.IsDarkMode, true));
        Assert.Equal(Normalised(mud.Markup), Normalised(provider.Markup));
        Assert.NotEqual(Normalised(Render<PortalThemeProvider>(p => p.Add(t => t.Theme, PortalTheme.Theme)).Markup), Normalised(provider.Markup));
    }

    private static string Normalised(string markup) => markup.ReplaceLineEndings("\n");
}
