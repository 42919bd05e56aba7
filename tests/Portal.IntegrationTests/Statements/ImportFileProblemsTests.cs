using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Statements;

namespace Portal.IntegrationTests.Statements;

/// <summary>
/// Whatever a file holds, the importer answers with row errors (row, column, reason) and throws nothing: short rows,
/// stray and unclosed quotes, numbers too large for their column, bytes that are not UTF-8, empty and oversized files,
/// and two imports of the same rows at the same moment.
/// </summary>
public sealed class ImportFileProblemsTests(PortalApp app) : IClassFixture<PortalApp>
{
    private static readonly string Header = string.Join(',', TransactionImporter.TransactionColumns);

    private static string Deposit(string sourceId, string amount = "100.00") =>
        $"{sourceId},880000000001,880000000001-1,2026-10-09,Deposit,Confirmed,,,,{amount},,,,,";

    private async Task<ImportResult> ImportAsync(byte[] file, ImportKind kind = ImportKind.Transactions, bool goodRowsOnly = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TransactionImporter>()
            .ImportAsync(TestActors.Admin, kind, "problems.csv", new MemoryStream(file), goodRowsOnly);
    }

    private Task<ImportResult> ImportAsync(params string[] lines) => ImportAsync(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

    private Task<bool> ExistsAsync(string sourceId) => app.WithDbAsync(db => db.Set<Transaction>().AnyAsync(t => t.SourceId == sourceId));

    [Fact]
    public async Task A_short_row_is_an_error_naming_the_first_missing_column_and_the_good_rows_still_import()
    {
        var result = await ImportAsync(Encoding.UTF8.GetBytes(string.Join('\n', Header, Deposit("BAD-SHORT-1"),
            "BAD-SHORT-2,880000000001,880000000001-1,2026-10-09,Deposit", Deposit("BAD-SHORT-3")) + "\n"), goodRowsOnly: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "status"), (error.Row, error.Column));
        Assert.Equal("The row has 5 fields; the header has 15.", error.Reason);
        Assert.Equal(2, result.Imported);
        Assert.False(await ExistsAsync("BAD-SHORT-2"));
    }

    [Fact]
    public async Task A_row_with_more_fields_than_the_header_is_an_error()
    {
        var result = await ImportAsync(Header, Deposit("BAD-LONG-1") + ",extra");
        Assert.Equal((2, "", "The row has 16 fields; the header has 15."), (result.Errors[0].Row, result.Errors[0].Column, result.Errors[0].Reason));
        Assert.False(result.Applied);
    }

    [Fact]
    public async Task A_stray_quote_is_an_error_in_its_column()
    {
        var result = await ImportAsync(Header, Deposit("BAD-QUOTE-1", "10\"0.00"), Deposit("BAD-QUOTE-2"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "amount"), (error.Row, error.Column));
        Assert.Contains("quote", error.Reason, StringComparison.Ordinal);
        Assert.False(result.Applied);
    }

    [Fact]
    public async Task A_quote_that_never_closes_is_an_error_that_says_the_rest_of_the_file_was_swallowed()
    {
        var result = await ImportAsync(Header, Deposit("BAD-OPEN-1"), Deposit("BAD-OPEN-2", "\"100.00"), Deposit("BAD-OPEN-3"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "amount"), (error.Row, error.Column));
        Assert.Contains("never closed", error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.Rows);
    }

    [Theory]
    [InlineData("amount", "99999999999999999999999999.00")]
    [InlineData("amount", "-10000000000.01")]
    [InlineData("amount", "123456789012345678901234567890123")]
    [InlineData("units", "99999999999999999")]
    [InlineData("nav", "100000000.5")]
    [InlineData("lots", "99999999999")]
    [InlineData("fee", "79228162514264337593543950335")]
    public async Task A_number_too_large_for_its_column_is_an_error_not_an_overflow(string column, string value)
    {
        var fields = TransactionImporter.TransactionColumns.ToDictionary(c => c, _ => "", StringComparer.Ordinal);
        (fields["source_id"], fields["client_number"], fields["account"], fields["trade_date"], fields["type"], fields["status"]) =
            ("BAD-BIG-" + column, "880000000001", "880000000001-1", "2026-10-09", "Subscription", "Confirmed");
        (fields["product_code"], fields["units"], fields["nav"], fields["amount"]) = ("000202", "10.00", "1.0000", "10.00");
        fields[column] = value;

        var result = await ImportAsync(Header, string.Join(',', TransactionImporter.TransactionColumns.Select(c => fields[c])));

        Assert.Contains(result.Errors, e => e.Row == 2 && e.Column == column);
        Assert.False(result.Applied);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_an_error_on_the_row_that_holds_them()
    {
        var good = Encoding.UTF8.GetBytes(string.Join('\n', Header, Deposit("BAD-UTF8-1")) + "\n");
        var gbk = "BAD-UTF8-2,880000000001,880000000001-1,2026-10-09,Deposit,Confirmed,,,,100.00,,,,,"u8.ToArray().Concat(new byte[] { 0xD6, 0xD0, 0xCE, 0xC4, (byte)'\n' });

        var result = await ImportAsync([.. good, .. gbk]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, ""), (error.Row, error.Column));
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.False(await ExistsAsync("BAD-UTF8-1"));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { (byte)'\n', (byte)'\n' })]
    public async Task An_empty_file_is_an_error(byte[] file)
    {
        var result = await ImportAsync(file, ImportKind.Prices);
        Assert.Equal(new ImportError(1, "", "The file is empty: it needs a header row."), Assert.Single(result.Errors));
    }

    [Fact]
    public async Task A_file_with_too_many_rows_is_an_error_and_nothing_is_read_into_the_database()
    {
        var file = new StringBuilder("product_code,date,nav\n");
        for (var i = 0; i <= TransactionImporter.MaxRows; i++)
        {
            file.Append("000202,2019-01-01,1.0000\n");
        }

        var result = await ImportAsync(Encoding.UTF8.GetBytes(file.ToString()), ImportKind.Prices, goodRowsOnly: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal(TransactionImporter.MaxRows + 2, error.Row);
        Assert.False(result.Applied);
        Assert.False(await app.WithDbAsync(db => db.Set<ProductPrice>().AnyAsync(p => p.Date == new DateOnly(2019, 1, 1))));
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_an_error_for_the_whole_file()
    {
        var result = await ImportAsync(new byte[(TransactionImporter.MaxFileMegabytes * 1024 * 1024) + 1], ImportKind.Prices);
        Assert.Equal((0, ""), (Assert.Single(result.Errors).Row, result.Errors[0].Column));
    }

    [Fact]
    public async Task Two_imports_of_the_same_rows_at_once_import_them_once_and_the_other_reports_them_as_already_imported()
    {
        for (var round = 0; round < 3; round++)
        {
            var lines = Enumerable.Range(1, 400).Select(i => Deposit($"RACE-{round}-{i:D4}")).Prepend(Header).ToArray();
            var both = await Task.WhenAll(ImportAsync(lines), ImportAsync(lines));

            Assert.All(both, r => Assert.True(r.Applied && r.Errors.Count == 0));
            Assert.Equal([0, 400], both.Select(r => r.Imported).Order());
            Assert.Equal([0, 400], both.Select(r => r.AlreadyImported).Order());
            Assert.Equal(400, await app.WithDbAsync(db => db.Set<Transaction>().CountAsync(t => t.SourceId.StartsWith($"RACE-{round}-"))));
        }
    }
}
