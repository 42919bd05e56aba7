using System.Security.Claims;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

/// <summary>
/// The downloads. A month is always the signed-in investor's own: another investor's statement cannot be
/// named in the URL, and a month without a statement is a plain 404.
/// </summary>
internal static class StatementEndpoints
{
    public static IEndpointRouteBuilder MapStatementDownloads(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/statements/{month}").RequireAuthorization(p => p.RequireRole(Roles.Investor));
        group.MapGet("/csv", async (string month, ClaimsPrincipal user, StatementService statements, StatementCsv csv, CancellationToken ct) =>
        {
            var doc = await LoadAsync(month, user, statements, ct);
            return doc is null
                ? Results.NotFound()
                : Results.File(csv.Write(doc), "text/csv; charset=utf-8", $"statement-{StatementFormat.MonthKey(doc.Month)}.csv");
        });
        group.MapGet("/pdf", async (string month, ClaimsPrincipal user, StatementService statements, StatementPdf pdf, CancellationToken ct) =>
        {
            var doc = await LoadAsync(month, user, statements, ct);
            return doc is null
                ? Results.NotFound()
                : Results.File(pdf.Write(doc), "application/pdf", $"statement-{StatementFormat.MonthKey(doc.Month)}.pdf");
        });
        return endpoints;
    }

    private static async Task<StatementDocument?> LoadAsync(string month, ClaimsPrincipal user, StatementService statements, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null || !StatementFormat.TryParseMonth(month, out var parsed)
            ? null
            : await statements.GetStatementAsync(userId, parsed, ct);
    }
}
