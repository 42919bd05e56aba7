using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Cases;

public static class CasesHosting
{
    /// <summary>The cases services, the limits setting and the live updates.</summary>
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CaseLimitsSetting>();
        services.AddSingleton<CaseUpdates>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<InvestorCases>();
        services.AddSingleton<CaseDesk>();
        services.AddSingleton<LatePoints>();
        services.AddSingleton<CallRecords>();
        services.AddSingleton<PhoneScripts>();
        services.AddSingleton<CaseAttachments>();
        return builder;
    }

    /// <summary>The attachment downloads (<see cref="CaseAttachments.Route"/>).</summary>
    public static WebApplication MapCases(this WebApplication app)
    {
        app.MapGet(CaseAttachments.Route, async (string reference, long id, HttpContext context, CaseAttachments attachments, CancellationToken cancellationToken) =>
        {
            if (await attachments.FindAsync(context.GetActor(), reference, id, cancellationToken) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, no-store";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
        return app;
    }
}
