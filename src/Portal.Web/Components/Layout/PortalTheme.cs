using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The portal's one theme: a calm navy and gold, with a matching dark palette. Every colour that carries text
/// meets WCAG 2.1 AA (4.5:1) on the surfaces it is used on: MudBlazor's default status colours (#00c853 green,
/// #ff9800 orange) and secondary text do not, and white on the dark theme's light primary and gold does not either.
/// </summary>
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
            // Text colours for chips, outlined buttons and alerts; white on them for filled ones (all ≥ 5:1).
            Info = "#1565C0",
            Success = "#1B7A3A",
            Warning = "#A14F00",
            Error = "#C62828",
            TextSecondary = "#5F6368",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7FA7D9",
            Secondary = "#E0B84C",
            AppbarBackground = "#16263D",
            // Light colours on a dark surface: filled controls take dark text, and alerts (which use the
            // "darken" shade for their text) a lighter one.
            PrimaryContrastText = "#0B1B2E",
            SecondaryContrastText = "#1F1400",
            Info = "#6CB4FF",
            InfoDarken = "#90CAF9",
            InfoContrastText = "#0B1B2E",
            Success = "#4CC38A",
            SuccessDarken = "#7DD8A8",
            SuccessContrastText = "#06210F",
            Warning = "#FFB547",
            WarningDarken = "#FFC870",
            WarningContrastText = "#241400",
            Error = "#FF8F8F",
            ErrorDarken = "#FFB0B0",
            ErrorContrastText = "#2A0606",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.68)",
            DrawerText = "rgba(255,255,255,0.75)",
            DrawerIcon = "rgba(255,255,255,0.75)",
            TableStriped = "rgba(255,255,255,0.04)",
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
