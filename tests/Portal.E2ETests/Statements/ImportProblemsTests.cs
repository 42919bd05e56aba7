using System.Text;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Statements;

/// <summary>A malformed import file comes back as row errors on the page, and the page stays alive for the next file.</summary>
public sealed class ImportProblemsTests(PortalAppFixture app) : BrowserTest(app)
{
    private const string Header = "source_id,client_number,account,trade_date,type,status,product_code,units,nav,amount,fee,lots,target_product_code,target_units,failure_reason";

    [Fact]
    public async Task AdminUploadsAMalformedFileSeesItsRowErrorsAndImportsTheNextFile()
    {
        await SignInAsync(DemoAccounts.Admin);
        var imports = await new ImportsPage(Page).OpenAsync();
        await new ShellPage(Page).WaitUntilInteractiveAsync();

        var malformed = string.Join('\n',
            Header,
            "E2E-BAD-1,880100000001,880100000001-1,2026-10-09,Deposit",
            "E2E-BAD-2,880100000001,880100000001-1,2026-10-09,Deposit,Confirmed,,,,10\"0.00,,,,,",
            "E2E-BAD-3,880100000001,880100000001-1,2026-10-09,Deposit,Confirmed,,,,99999999999999999999999999.00,,,,,") + "\n";
        await imports.ChooseFileAsync("malformed.csv", Encoding.UTF8.GetBytes(malformed));
        await imports.Import.ClickAsync();

        await Expect(imports.ErrorsHeading).ToBeVisibleAsync();
        await Expect(imports.ErrorRow("The row has 5 fields; the header has 15.")).ToContainTextAsync("2");
        await Expect(imports.ErrorRow("The row has 5 fields; the header has 15.")).ToContainTextAsync("status");
        await Expect(imports.ErrorRow("A quote in the middle of a field")).ToContainTextAsync("3");
        await Expect(imports.ErrorRow("A quote in the middle of a field")).ToContainTextAsync("amount");
        await Expect(imports.ErrorRow("Must be at most")).ToContainTextAsync("4");
        await Expect(imports.ImportResult).ToContainTextAsync("3 rows: 0 imported");

        // The page still answers: the next file imports.
        var good = $"{Header}\nE2E-GOOD-{Guid.NewGuid():N},880100000001,880100000001-1,2026-10-09,Deposit,Confirmed,,,,100.00,,,,,\n";
        await imports.ChooseFileAsync("good.csv", Encoding.UTF8.GetBytes(good));
        await imports.Import.ClickAsync();
        await Expect(imports.ImportResult).ToContainTextAsync("1 rows: 1 imported, 0 already imported, 0 with errors.");
    }
}
