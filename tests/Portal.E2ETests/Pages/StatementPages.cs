using System.Globalization;
using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/statements" and "/statements/{yyyy-MM}" as an investor sees them.</summary>
public sealed class StatementPages(IPage page)
{
    /// <summary>The newest month with a statement: the last month that has ended in Asia/Shanghai.</summary>
    public static DateTime LastClosedMonth
    {
        get
        {
            var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            return new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1);
        }
    }

    public static string MonthName(DateTime month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en"));

    public static string PathOf(DateTime month) => "/statements/" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The statement's period line, first to last day of the month.</summary>
    public static string PeriodOf(DateTime month) =>
        string.Create(CultureInfo.InvariantCulture, $"Period: {month:yyyy-MM-dd} to {month.AddMonths(1).AddDays(-1):yyyy-MM-dd}");

    public ILocator ListHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Statements", Level = 1 });

    public ILocator OpenMonth(DateTime month) => page.GetByRole(AriaRole.Link, new() { Name = $"View statement for {MonthName(month)}" });

    public ILocator StatementHeading(DateTime month) => page.GetByRole(AriaRole.Heading, new() { Name = $"Statement for {MonthName(month)}", Level = 1 });

    /// <summary>The amount in the summary's "Closing value" row.</summary>
    public ILocator ClosingValue => page.GetByRole(AriaRole.Row)
        .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Closing value", Exact = true }) })
        .GetByRole(AriaRole.Cell);

    /// <summary>The statement's transaction table (the one with a Status column).</summary>
    public ILocator TransactionTable => page.GetByRole(AriaRole.Table)
        .Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Status", Exact = true }) });

    /// <summary>
    /// Whether every cell of the column (1-based) is shown whole: not cut by the table's scrolling box or the window, and
    /// its text not wider than the cell.
    /// </summary>
    public Task<bool> ColumnIsWholeAsync(int column) => TransactionTable.EvaluateAsync<bool>(
        """
        (table, column) => [...table.querySelectorAll(`tbody tr td:nth-child(${column})`)].every(cell => {
            let box = cell.parentElement;
            while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
            const r = cell.getBoundingClientRect(), b = (box ?? document.documentElement).getBoundingClientRect();
            return r.left >= b.left - 0.5 && r.right <= Math.min(b.right, window.innerWidth) + 0.5 && cell.scrollWidth <= cell.clientWidth + 0.5;
        })
        """, column);

    /// <summary>How many cells of the column (1-based) wrap their text onto more than one line.</summary>
    public Task<int> WrappedCellsAsync(int column) => TransactionTable.EvaluateAsync<int>(
        """
        (table, column) => [...table.querySelectorAll(`tbody tr td:nth-child(${column})`)].filter(cell => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
        }).length
        """, column);

    public ILocator DownloadPdf => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" });

    public ILocator DownloadCsv => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" });
}
