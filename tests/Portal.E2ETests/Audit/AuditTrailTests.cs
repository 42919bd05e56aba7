using System.Text;
using Portal.E2ETests.Infrastructure;
using Portal.E2ETests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2ETests.Audit;

/// <summary>An admin checks the audit trail: verifies the chain, finds that check among the entries, downloads them.</summary>
public sealed class AuditTrailTests(PortalAppFixture app) : BrowserTest(app)
{
    private const string AdminName = "何静";

    [Fact]
    public async Task AdminVerifiesTheChainFindsTheCheckByItsActionAndDownloadsTheFilteredRows()
    {
        await SignInAsync(DemoAccounts.Admin);
        var shell = new ShellPage(Page);
        await shell.WaitUntilInteractiveAsync();
        await shell.NavLink("Audit trail").ClickAsync();
        var audit = new AuditTrailPage(Page);
        await Expect(audit.Heading).ToBeVisibleAsync();

        // The check is itself an audited event: the first gives this test a row of its own, the second checks it too.
        await audit.Verify.ClickAsync();
        await Expect(audit.Verification).ToBeVisibleAsync();
        await audit.Verify.ClickAsync();
        await Expect(audit.Verification).ToHaveTextAsync(AuditTrailPage.Intact);

        await audit.FilterByActionAsync("Audit chain verified");
        // The newest entry is the check itself, filter or not: wait until no other action is left in the list.
        await Expect(audit.Entries.Filter(new() { HasNotText = "Audit chain verified" })).ToHaveCountAsync(0);
        await Expect(audit.Entries.First).ToContainTextAsync(AdminName);
        await Expect(audit.Entries.First).ToContainTextAsync("Audit chain verified");
        await Expect(audit.Entries.First).ToContainTextAsync("chain intact, last row");
        Assert.Equal(await audit.Entries.CountAsync(), await audit.Entries.Filter(new() { HasText = "Audit chain verified" }).CountAsync());

        var download = await Page.RunAndWaitForDownloadAsync(() => audit.DownloadCsv.ClickAsync());
        Assert.Matches(@"^audit-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Row,Time,Actor,Actor user id,Address,Action,Subject,Details,Hash", lines[0]);
        Assert.NotEmpty(lines[1..]);
        Assert.All(lines[1..], line => Assert.Contains(",Audit chain verified,audit:chain,", line, StringComparison.Ordinal));
        Assert.Contains(lines[1..], line => line.Contains(AdminName, StringComparison.Ordinal));
    }
}

/// <summary>The audit page on a phone: filters, buttons and entries fit the width; nothing scrolls sideways.</summary>
public sealed class AuditTrailPhoneTests(PortalAppFixture app) : BrowserTest(app)
{
    protected override Microsoft.Playwright.ViewportSize Viewport => Phone;

    [Fact]
    public async Task TheAuditTrailFitsAPhone()
    {
        await SignInAsync(DemoAccounts.Admin);
        var audit = await new AuditTrailPage(Page).OpenAsync();
        await Expect(audit.Heading).ToBeVisibleAsync();
        await audit.Verify.ClickAsync();
        await Expect(audit.Verification).ToBeVisibleAsync();
        await Expect(audit.Entries.First).ToContainTextAsync("Audit chain verified");

        await Expect(audit.Verify).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(audit.DownloadCsv).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways at 390 px");
    }
}
