using Portal.Web.Features.Admin.Calendar;
using Portal.Web.Features.Admin.Settings;

namespace Portal.Web.Features.Admin;

public static class AdminHosting
{
    /// <summary>The settings store and the settings other features read: the business calendar and the tier thresholds.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<BusinessCalendarSetting>();
        services.AddSingleton<BusinessCalendarProvider>();
        services.AddSingleton<TierThresholdsSetting>();
        services.AddSingleton<TierRuleProvider>();
        return builder;
    }
}
