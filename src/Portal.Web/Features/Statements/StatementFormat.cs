using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Web.Components.Shared;
using Portal.Web.Resources;

namespace Portal.Web.Features.Statements;

/// <summary>How statement values read in the current culture, shared by the pages, the CSV and the PDF.</summary>
public static class StatementFormat
{
    public static string MonthName(DateOnly month) =>
        month.ToString(CultureInfo.CurrentCulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "yyyy年M月" : "MMMM yyyy", CultureInfo.CurrentCulture);

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParseMonth(string? value, out DateOnly month) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    public static string Date(DateOnly date) => PortalFormat.Date(date);

    public static string Units(decimal? units) => units?.ToString("#,##0.00", CultureInfo.CurrentCulture) ?? "";

    public static string Nav(decimal? nav) => nav?.ToString("0.0000", CultureInfo.CurrentCulture) ?? "";

    public static string Type(IStringLocalizer<StatementsText> l, TransactionType type) => l["Type." + type];

    public static string Status(IStringLocalizer<StatementsText> l, TransactionStatus status) => l["Status." + status];

    public static string ProductType(IStringLocalizer<StatementsText> l, ProductType type) => l["Product." + type];

    /// <summary>How far a job is, for a progress bar (0 while the total is not known yet).</summary>
    public static double Percent(int done, int total) => total == 0 ? 0 : 100.0 * done / total;

    /// <summary>Masks the middle of a client or account number: 880000000001-1 becomes 8800****0001-1.</summary>
    public static string MaskAccount(string number) =>
        number.Length < 12 ? number : number[..4] + new string('*', 4) + number[8..];
}
