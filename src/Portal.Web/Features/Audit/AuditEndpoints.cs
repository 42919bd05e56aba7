using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Audit;

/// <summary>The CSV export of the audit page's filtered rows: <c>/admin/audit/export?from=&amp;to=&amp;actor=&amp;action=&amp;subject=</c>.</summary>
internal static class AuditEndpoints
{
    public const string ExportPath = "/admin/audit/export";

    /// <summary>The export's address for a filter, as the page links to it.</summary>
    public static string ExportUrl(AuditFilter filter) => QueryHelpers.AddQueryString(ExportPath, filter.ToQuery());

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, async (
            HttpContext http, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] string? actor, [FromQuery] string? action,
            [FromQuery] string? subject, AuditQuery query, AuditCsv csv, AuditTrail audit, UserTimeZone zones, TimeProvider clock, CancellationToken ct) =>
        {
            var who = http.GetActor();
            var filter = new AuditFilter(from, to, actor, action, subject);
            var zone = zones.For(http.User);
            var rows = query.ExportAsync(who, filter, zone, ct);
            // Taking a copy of the trail is itself recorded; the filter says what was taken.
            await audit.RecordAsync(who, AuditActions.AuditExported, "audit:export", filter.Describe(), ct);
            var day = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return Results.Stream(body => csv.WriteAsync(body, rows, zone, ct), "text/csv; charset=utf-8", $"audit-{day}.csv");
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return endpoints;
    }
}
