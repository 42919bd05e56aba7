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
        Assert.Contains(DemoAccounts.GoldInvestorName, System.Text.Encoding.UTF8.GetString(csvBytes), StringComparison.Ordinal);
    }
}
