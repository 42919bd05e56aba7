using System.Globalization;
using Microsoft.Playwright;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests;

public sealed class StatementsTests(PortalAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task InvestorOpensTheLastStatementAndDownloadsPdfAndCsv()
    {
        var login = await new LoginPage(Page).OpenAsync();
        await login.SignInAsync(DemoAccounts.GoldInvestor);
        var shell = new ShellPage(Page);
        await shell.WaitUntilInteractiveAsync();
        await shell.NavLink("Statements").ClickAsync();

        var statements = new StatementPages(Page);
        await Expect(statements.ListHeading).ToBeVisibleAsync();
        var month = StatementPages.LastClosedMonth;
        await statements.OpenMonth(month).ClickAsync();
        await Expect(statements.StatementHeading(month)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main).GetByText(DemoAccounts.GoldInvestorName).First).ToBeVisibleAsync();

        var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var pdf = await Page.RunAndWaitForDownloadAsync(() => statements.DownloadPdf.ClickAsync());
        Assert.Equal($"statement-{key}.pdf", pdf.SuggestedFilename);
        var pdfBytes = await File.ReadAllBytesAsync(await pdf.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdfBytes, 0, 4));

        var csv = await Page.RunAndWaitForDownloadAsync(() => statements.DownloadCsv.ClickAsync());
        Assert.Equal($"statement-{key}.csv", csv.SuggestedFilename);
        var csvBytes = await File.ReadAllBytesAsync(await csv.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        // One table: the column names first, then the investor's own transactions.
        var csvText = System.Text.Encoding.UTF8.GetString(csvBytes[3..]);
        Assert.StartsWith("Date,Reference,Account,", csvText, StringComparison.Ordinal);
        Assert.Contains(",880000000002-", csvText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtDesktopWidthTheTransactionTableIsWholeAndItsDatesStayOnOneLine()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var month = StatementPages.LastClosedMonth;
        await Page.GotoAsync(StatementPages.PathOf(month));
        var statement = new StatementPages(Page);
        await Expect(statement.StatementHeading(month)).ToBeVisibleAsync();
        await Expect(statement.TransactionTable).ToBeVisibleAsync();

        Assert.True(await statement.ColumnIsWholeAsync(8), "The status column is cut off on the right.");
        Assert.True(await statement.ColumnIsWholeAsync(6), "The amount column is cut off.");
        Assert.Equal(0, await statement.WrappedCellsAsync(1));
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
    }

    [Fact]
    public async Task AtPhoneWidthOnlyTheTransactionTableScrollsSideways()
    {
        var phone = await OpenAnotherBrowserAsync(Phone);
        await SignInAsync(phone, DemoAccounts.GoldInvestor);
        var month = StatementPages.LastClosedMonth;
        await phone.GotoAsync(StatementPages.PathOf(month));
        var statement = new StatementPages(phone);
        await Expect(statement.TransactionTable).ToBeVisibleAsync();

        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        // The table keeps its columns and scrolls in its own box, which ends at the screen's edge. Asked of the table
        // the locator finds now, again until the layout settles: the live circuit re-renders the table once it starts.
        await new ShellPage(phone).WaitUntilInteractiveAsync();
        const string ScrollsInItsBox = """
            table => {
                let box = table.parentElement;
                while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
                return box !== null && box !== document.documentElement && box.scrollWidth > box.clientWidth
                    && box.getBoundingClientRect().right <= window.innerWidth + 0.5;
            }
            """;
        var settled = System.Diagnostics.Stopwatch.StartNew();
        var scrolls = await statement.TransactionTable.EvaluateAsync<bool>(ScrollsInItsBox);
        while (!scrolls && settled.Elapsed < TimeSpan.FromSeconds(10))
        {
            await phone.WaitForTimeoutAsync(200);
            scrolls = await statement.TransactionTable.EvaluateAsync<bool>(ScrollsInItsBox);
        }

        Assert.True(scrolls, "The transaction table does not scroll inside its own box.");
    }

    [Fact]
    public async Task TheDashboardsValueChartLabelsItsAxisInYuan()
    {
        await SignInAsync(DemoAccounts.GoldInvestor);
        var labels = new InvestorDashboardPage(Page).HistoryAxisLabels;
        await Expect(labels.First).ToBeVisibleAsync();

        var texts = await labels.AllTextContentsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Matches(@"^-?¥[\d,.]+[KMB]?$", t.Trim()));
        Assert.Contains(texts, t => t.Trim().EndsWith('M') || t.Trim().EndsWith('K'));
    }
}
