namespace Portal.Web.Features.Audit;

public static class AuditHosting
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<AuditQuery>();
        builder.Services.AddSingleton<AuditVerifier>();
        builder.Services.AddScoped<AuditCsv>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints) => endpoints.MapAuditExport();
}
