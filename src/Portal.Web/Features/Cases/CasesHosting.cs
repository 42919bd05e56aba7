namespace Portal.Web.Features.Cases;

public static class CasesHosting
{
    /// <summary>The cases services, the limits setting and the live updates.</summary>
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CaseLimitsSetting>();
        services.AddSingleton<CaseUpdates>();
        services.AddSingleton<InvestorCases>();
        services.AddSingleton<CaseDesk>();
        services.AddSingleton<LatePoints>();
        services.AddSingleton<CallRecords>();
        services.AddSingleton<PhoneScripts>();
        return builder;
    }

    /// <summary>The attachment downloads.</summary>
    public static WebApplication MapCases(this WebApplication app) => app;
}
