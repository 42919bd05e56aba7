using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>The portal's one theme: a calm navy and gold, with a matching dark palette.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F3A5F",
            Secondary = "#8A6508",
            AppbarBackground = "#1F3A5F",
            Background = "#F6F7F9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7FA7D9",
            Secondary = "#E0B84C",
            AppbarBackground = "#16263D",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"],
            },
        },
    };
}
