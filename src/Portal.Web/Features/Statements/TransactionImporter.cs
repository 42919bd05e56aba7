using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

public enum ImportKind
{
    Transactions,
    Prices,
}

public sealed record ImportError(int Row, string Column, string Reason);

public sealed record ImportProgress(int Done, int Total);

public sealed record ImportResult(int Rows, int Imported, int AlreadyImported, IReadOnlyList<ImportError> Errors, bool Applied);

/// <summary>
/// Imports CSV files from the record-keeping system (columns in README, examples under tests/data/imports).
/// Every row is validated first; with any error nothing is written unless only the good rows are wanted.
/// Rows whose source id (transactions) or product and date (prices) already exist are skipped, so
/// importing a file again changes nothing.
/// </summary>
public sealed class TransactionImporter(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> TransactionColumns =
        ["source_id", "client_number", "account", "trade_date", "type", "status", "product_code", "units", "nav", "amount", "fee", "lots", "target_product_code", "target_units", "failure_reason"];

    public static readonly IReadOnlyList<string> PriceColumns = ["product_code", "date", "nav"];

    private const int BatchSize = 500;

    public async Task<ImportResult> ImportAsync(
        ImportKind kind, Stream csv, bool importGoodRowsOnly, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var rows = ReadRows(csv, kind == ImportKind.Transactions ? TransactionColumns : PriceColumns, out var headerErrors);
        if (headerErrors.Count > 0)
        {
            return new(0, 0, 0, headerErrors, false);
        }

        return kind == ImportKind.Transactions
            ? await ImportTransactionsAsync(rows, importGoodRowsOnly, progress, cancellationToken)
            : await ImportPricesAsync(rows, importGoodRowsOnly, progress, cancellationToken);
    }

    private static List<(int Row, Dictionary<string, string> Fields)> ReadRows(Stream csv, IReadOnlyList<string> columns, out List<ImportError> errors)
    {
        errors = [];
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        var rows = new List<(int, Dictionary<string, string>)>();
        if (!parser.Read() || !parser.ReadHeader() || parser.HeaderRecord is null)
        {
            errors.Add(new(1, "", "The file is empty."));
            return rows;
        }

        var header = parser.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        errors.AddRange(columns.Where(c => !header.Contains(c)).Select(c => new ImportError(1, c, "Column missing from the header.")));
        if (errors.Count > 0)
        {
            return rows;
        }

        var row = 1;
        while (parser.Read())
        {
            row++;
            rows.Add((row, header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => parser.GetField(x.i) ?? "", StringComparer.Ordinal)));
        }

        return rows;
    }

    private async Task<ImportResult> ImportTransactionsAsync(
        List<(int Row, Dictionary<string, string> Fields)> rows, bool goodRowsOnly, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = await db.Set<Product>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var clientNumbers = rows.Select(r => r.Fields["client_number"]).Distinct().ToList();
        var investors = await db.Set<Investor>().AsNoTracking().Where(i => clientNumbers.Contains(i.AccountNumber))
            .ToDictionaryAsync(i => i.AccountNumber, i => i.Id, cancellationToken);
        var investorIds = investors.Values.ToList();
        var accounts = await db.Set<InvestorAccount>().AsNoTracking().Where(a => investorIds.Contains(a.InvestorId))
            .ToDictionaryAsync(a => a.Number, a => (a.Id, a.InvestorId), cancellationToken);
        var sourceIds = rows.Select(r => r.Fields["source_id"]).ToList();
        var known = (await db.Set<Transaction>().AsNoTracking().Where(t => sourceIds.Contains(t.SourceId)).Select(t => t.SourceId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var errors = new List<ImportError>();
        var good = new List<Transaction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var now = clock.GetUtcNow();
        foreach (var (row, f) in rows)
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string reason) => rowErrors.Add(new(row, column, reason));

            var sourceId = f["source_id"];
            if (sourceId.Length is 0 or > 64)
            {
                Fail("source_id", "Required, at most 64 characters.");
            }
            else if (!seen.Add(sourceId))
            {
                Fail("source_id", "Appears more than once in the file.");
            }

            if (!investors.TryGetValue(f["client_number"], out var investorId))
            {
                Fail("client_number", "No client with this number.");
            }

            if (!accounts.TryGetValue(f["account"], out var account) || account.InvestorId != investorId)
            {
                Fail("account", "Not an account of this client.");
            }

            var date = ParseDate(f["trade_date"], "trade_date", Fail);
            var type = ParseEnum<TransactionType>(f["type"], "type", Fail);
            var status = ParseEnum<TransactionStatus>(f["status"], "status", Fail);
            var productId = OptionalProduct(f["product_code"], "product_code", products, Fail);
            var targetId = OptionalProduct(f["target_product_code"], "target_product_code", products, Fail);
            var units = OptionalDecimal(f["units"], "units", Fail);
            var nav = OptionalDecimal(f["nav"], "nav", Fail);
            var targetUnits = OptionalDecimal(f["target_units"], "target_units", Fail);
            var amount = RequiredAmount(f["amount"], "amount", Fail);
            var fee = f["fee"].Length == 0 ? 0 : RequiredAmount(f["fee"], "fee", Fail);
            var lots = 0;
            if (f["lots"].Length > 0 && (!int.TryParse(f["lots"], NumberStyles.None, CultureInfo.InvariantCulture, out lots)))
            {
                Fail("lots", "Must be a whole number of lots.");
            }

            FailureReason? reason = null;
            if (status == TransactionStatus.Failed)
            {
                reason = ParseEnum<FailureReason>(f["failure_reason"], "failure_reason", Fail);
            }

            if (type is TransactionType.Subscription or TransactionType.Redemption or TransactionType.DividendReinvested or TransactionType.Switch)
            {
                if (productId is null)
                {
                    Fail("product_code", $"Required for {type}.");
                }

                if (units is null or <= 0m)
                {
                    Fail("units", $"Required and positive for {type}.");
                }
            }

            if (type == TransactionType.Switch && (targetId is null || targetUnits is null or <= 0m))
            {
                Fail("target_product_code", "A switch needs the target product and units.");
            }

            if (type != TransactionType.Trade && amount < 0)
            {
                Fail("amount", "Must not be negative (only a trade's result can be).");
            }

            if (type == TransactionType.Trade && lots <= 0)
            {
                Fail("lots", "A trade needs a positive number of lots.");
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            if (known.Contains(sourceId))
            {
                duplicates++;
                continue;
            }

            good.Add(new Transaction
            {
                SourceId = sourceId, Reference = sourceId.Length <= 32 ? sourceId : sourceId[..32], InvestorId = investorId, AccountId = account.Id,
                ProductId = productId, Type = type!.Value, Status = status!.Value, FailureReason = reason, TradeDate = date!.Value,
                Units = units, Nav = nav, AmountFen = amount, FeeFen = fee, Lots = lots, TargetProductId = targetId, TargetUnits = targetUnits, RecordedAt = now,
            });
        }

        var apply = errors.Count == 0 || goodRowsOnly;
        if (apply)
        {
            await SaveInBatchesAsync(db, good, progress, cancellationToken);
        }

        return new(rows.Count, apply ? good.Count : 0, duplicates, errors, apply);
    }

    private async Task<ImportResult> ImportPricesAsync(
        List<(int Row, Dictionary<string, string> Fields)> rows, bool goodRowsOnly, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = await db.Set<Product>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var existing = (await db.Set<ProductPrice>().AsNoTracking().Select(p => new { p.ProductId, p.Date }).ToListAsync(cancellationToken))
            .Select(p => (p.ProductId, p.Date)).ToHashSet();
        var errors = new List<ImportError>();
        var good = new List<ProductPrice>();
        var duplicates = 0;
        foreach (var (row, f) in rows)
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string reason) => rowErrors.Add(new(row, column, reason));
            if (!products.TryGetValue(f["product_code"], out var productId))
            {
                Fail("product_code", "No product with this code.");
            }

            var date = ParseDate(f["date"], "date", Fail);
            var nav = OptionalDecimal(f["nav"], "nav", Fail);
            if (nav is null or <= 0m)
            {
                Fail("nav", "Required and positive.");
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
            }
            else if (!existing.Add((productId, date!.Value)))
            {
                duplicates++;
            }
            else
            {
                good.Add(new ProductPrice { ProductId = productId, Date = date.Value, Nav = nav!.Value });
            }
        }

        var apply = errors.Count == 0 || goodRowsOnly;
        if (apply)
        {
            await SaveInBatchesAsync(db, good, progress, cancellationToken);
        }

        return new(rows.Count, apply ? good.Count : 0, duplicates, errors, apply);
    }

    /// <summary>One database transaction for the whole file, saved in batches so progress can be shown.</summary>
    private static async Task SaveInBatchesAsync<T>(PortalDbContext db, List<T> items, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        where T : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < items.Count; i += BatchSize)
        {
            db.AddRange(items.Skip(i).Take(BatchSize));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new(Math.Min(i + BatchSize, items.Count), items.Count));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static DateOnly? ParseDate(string value, string column, Action<string, string> fail)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fail(column, "Must be a date as yyyy-MM-dd.");
        return null;
    }

    private static TEnum? ParseEnum<TEnum>(string value, string column, Action<string, string> fail)
        where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        fail(column, "Must be one of: " + string.Join(", ", Enum.GetNames<TEnum>()) + ".");
        return null;
    }

    private static int? OptionalProduct(string code, string column, Dictionary<string, int> products, Action<string, string> fail)
    {
        if (code.Length == 0)
        {
            return null;
        }

        if (products.TryGetValue(code, out var id))
        {
            return id;
        }

        fail(column, "No product with this code.");
        return null;
    }

    private static decimal? OptionalDecimal(string value, string column, Action<string, string> fail)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        fail(column, "Must be a number with a decimal point.");
        return null;
    }

    /// <summary>Yuan with at most two decimals, converted to exact fen.</summary>
    private static long RequiredAmount(string value, string column, Action<string, string> fail)
    {
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan)
            && decimal.Round(yuan, 2) == yuan)
        {
            return Money.ToFen(yuan);
        }

        fail(column, "Must be an amount in yuan with at most two decimals.");
        return 0;
    }
}
