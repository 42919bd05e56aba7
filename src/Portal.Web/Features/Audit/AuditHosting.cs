namespace Portal.Web.Features.Audit;

public static class AuditHosting
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditTrail>();
        return builder;
    }
}
