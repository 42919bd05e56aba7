using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;
using Portal.Web.Resources;

namespace Portal.IntegrationTests;

/// <summary>An investor reaches only their own statements, files and transactions, whatever the URL says.</summary>
public sealed class StatementsAccessTests(PortalApp app) : IClassFixture<PortalApp>
{
    private string LastClosedMonth => StatementFormat.MonthKey(app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth);

    private Task<Transaction> TransactionOfAsync(string clientNumber) => app.WithDbAsync(db =>
        db.Set<Transaction>().AsNoTracking()
            .Where(t => db.Set<Investor>().Any(i => i.Id == t.InvestorId && i.AccountNumber == clientNumber))
            .OrderBy(t => t.Id).FirstAsync());

    [Theory]
    [InlineData(DemoUsers.SilverInvestor, "林晓梅", "陈建华", "880000000001-", "880000000002-")]
    [InlineData(DemoUsers.GoldInvestor, "陈建华", "赵国栋", "880000000002-", "880000000003-")]
    public async Task Each_investors_month_shows_and_downloads_only_their_own_statement(string investor, string own, string other, string ownAccount, string otherAccount)
    {
        using var client = await app.SignedInClientAsync(investor);

        var page = await (await client.GetAsync($"/statements/{LastClosedMonth}")).ReadTextAsync();
        Assert.Contains(own, page, StringComparison.Ordinal);
        Assert.DoesNotContain(other, page, StringComparison.Ordinal);

        using var csv = await client.GetAsync($"/statements/{LastClosedMonth}/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(ownAccount, text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherAccount, text, StringComparison.Ordinal);

        using var pdf = await client.GetAsync($"/statements/{LastClosedMonth}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/statements/2019-01")]
    [InlineData("/statements/2019-01/pdf")]
    [InlineData("/statements/2019-01/csv")]
    [InlineData("/statements/2026-13/pdf")]
    [InlineData("/statements/not-a-month/csv")]
    public async Task A_month_without_a_statement_is_not_found(string route)
    {
        using var client = await app.SignedInClientAsync(DemoUsers.SilverInvestor);
        using var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_investors_transaction_id_reads_as_not_found()
    {
        var gold = await TransactionOfAsync("880000000002");
        var silver = await TransactionOfAsync("880000000001");
        using var client = await app.SignedInClientAsync(DemoUsers.SilverInvestor);

        var others = await (await client.GetAsync($"/transactions?id={gold.Id}")).ReadTextAsync();
        Assert.Contains(app.Text<StatementsText>("Transactions.NotFound"), others, StringComparison.Ordinal);
        Assert.DoesNotContain(gold.Reference, others, StringComparison.Ordinal);

        var own = await (await client.GetAsync($"/transactions?id={silver.Id}")).ReadTextAsync();
        Assert.Contains(silver.Reference, own, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Text<StatementsText>("Transactions.NotFound"), own, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/statements")]
    [InlineData("/transactions")]
    [InlineData("/statements/{month}")]
    [InlineData("/statements/{month}/pdf")]
    [InlineData("/statements/{month}/csv")]
    public async Task Staff_get_403_and_anonymous_visitors_are_sent_to_sign_in(string route)
    {
        var url = route.Replace("{month}", LastClosedMonth, StringComparison.Ordinal);
        using (var staff = await app.SignedInClientAsync(DemoUsers.Agent))
        using (var response = await staff.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var anonymous = app.CreatePortalClient();
        using var redirect = await anonymous.GetAsync(url);
        Assert.StartsWith("/Account/Login", redirect.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statements_list_shows_the_investors_months_and_annual_summary()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.DiamondInvestor);
        var page = await (await client.GetAsync("/statements")).ReadTextAsync();
        var year = LastClosedMonth[..4];
        Assert.Contains(app.Text<StatementsText>("Statements.Annual", "en", year), page, StringComparison.Ordinal);
        Assert.Contains($"/statements/{LastClosedMonth}/pdf", page, StringComparison.Ordinal);
    }
}
