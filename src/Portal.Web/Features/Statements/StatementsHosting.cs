using Microsoft.AspNetCore.Components;
using Portal.Web.Components.Shared;
using Portal.Web.Data;
using Portal.Web.Features.Statements.DemoData;

namespace Portal.Web.Features.Statements;

public static class StatementsHosting
{
    public static IHostApplicationBuilder AddStatements(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TierOptions>().BindConfiguration(TierOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StatementCalendar>();
        services.AddScoped<StatementService>();
        services.AddSingleton<PersistentComponentStateSerializer<Loaded<StatementDocument>>, StatementStateSerializer>();
        services.AddScoped<InvestorDashboardService>();
        services.AddMemoryCache();
        services.AddSingleton<LedgerCache>();
        services.AddScoped<ClientSummaryService>();
        services.AddScoped<MonthEndService>();
        // One runner for the app: pages ask it for a month and follow its progress; it also resumes runs at start-up.
        services.AddSingleton<MonthEndUpdates>();
        services.AddSingleton<MonthEndRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<MonthEndRunner>());
        services.AddScoped<TransactionImporter>();
        services.AddScoped<StatementCsv>();
        services.AddScoped<StatementPdf>();
        services.AddScoped<IDemoDataSeeder, StatementsDemoSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStatements(this IEndpointRouteBuilder endpoints) => endpoints.MapStatementDownloads();
}
