using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.Web.Features.Statements;

/// <summary>
/// The downloads. A month is always the signed-in investor's own: another investor's statement cannot be
/// named in the URL, and a month without a statement is a plain 404. Every download is audited.
/// </summary>
internal static class StatementEndpoints
{
    public static IEndpointRouteBuilder MapStatementDownloads(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/statements/{month}").RequireAuthorization(p => p.RequireRole(Roles.Investor));
        group.MapGet("/csv", async (string month, HttpContext http, StatementService statements, StatementCsv csv, AuditTrail audit, CancellationToken ct) =>
            await DownloadAsync(month, http, statements, audit, "csv", doc => Results.File(csv.Write(doc), "text/csv; charset=utf-8", FileName(doc, "csv")), ct));
        group.MapGet("/pdf", async (string month, HttpContext http, StatementService statements, StatementPdf pdf, AuditTrail audit, CancellationToken ct) =>
            await DownloadAsync(month, http, statements, audit, "pdf", doc => Results.File(pdf.Write(doc), "application/pdf", FileName(doc, "pdf")), ct));
        return endpoints;
    }

    private static string FileName(StatementDocument doc, string extension) => $"statement-{StatementFormat.MonthKey(doc.Month)}.{extension}";

    private static async Task<IResult> DownloadAsync(
        string month, HttpContext http, StatementService statements, AuditTrail audit, string format, Func<StatementDocument, IResult> file, CancellationToken ct)
    {
        var actor = http.GetActor();
        if (!StatementFormat.TryParseMonth(month, out var parsed) || await statements.GetStatementAsync(actor, parsed, ct) is not { } doc)
        {
            return Results.NotFound();
        }

        await audit.RecordAsync(actor, AuditActions.StatementDownload, $"statement:{StatementFormat.MonthKey(doc.Month)}", format, ct);
        return file(doc);
    }
}
