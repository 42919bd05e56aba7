using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Web.Data;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Notifications;
using Portal.Web.Resources;

namespace Portal.Web.Features.Statements;

public enum ImportKind
{
    Transactions,
    Prices,
}

/// <summary>A problem with one row (the header is row 1), or with the whole file (<see cref="Row"/> 0).</summary>
public sealed record ImportError(int Row, string Column, string Reason);

public sealed record ImportProgress(int Done, int Total);

public sealed record ImportResult(int Rows, int Imported, int AlreadyImported, IReadOnlyList<ImportError> Errors, bool Applied);

/// <summary>
/// Imports CSV files from the record-keeping system (columns in README, examples under content/imports). Admins only.
/// Every row is validated first; with any error nothing is written unless only the good rows are wanted. Whatever
/// the file holds (short rows, stray quotes, overflowing numbers, bytes that are not UTF-8, no rows, too many rows)
/// ends as an <see cref="ImportError"/>, never as an exception. Rows whose source id (transactions) or product and
/// date (prices) already exist are skipped, so importing a file again changes nothing; when another import saves the
/// same rows at the same moment, the later one finds them and reports them as already imported. Every import is audited.
/// </summary>
public sealed class TransactionImporter(
    IDbContextFactory<PortalDbContext> dbFactory, InvestorDirectory investors, AuditTrail audit, IStringLocalizer<StatementsText> l,
    NotificationOutbox outbox, TimeProvider clock, LedgerCache ledger)
{
    public static readonly IReadOnlyList<string> TransactionColumns =
        ["source_id", "client_number", "account", "trade_date", "type", "status", "product_code", "units", "nav", "amount", "fee", "lots", "target_product_code", "target_units", "failure_reason"];

    public static readonly IReadOnlyList<string> PriceColumns = ["product_code", "date", "nav"];

    /// <summary>The largest file accepted (the admin page checks it before uploading too).</summary>
    public const int MaxFileMegabytes = 20;

    public const int MaxRows = 100_000;

    /// <summary>Largest amount or fee of one transaction, either sign (sums of a month stay far inside a 64-bit count of fen).</summary>
    public const decimal MaxAmountYuan = 10_000_000_000m;

    /// <summary>Largest units (the column holds 16 digits before the point) and NAV (8 digits) one row may carry.</summary>
    public const decimal MaxUnits = 1_000_000_000_000m;

    public const decimal MaxNav = 99_999_999m;

    public const int MaxLots = 1_000_000;

    private const int BatchSize = 500;

    // Keeps IN lists well under both providers' parameter limits.
    private const int LookupChunk = 1_000;

    // A save that loses a race with another import of the same rows is redone this often.
    private const int SaveAttempts = 3;

    private delegate void RowFailure(string column, string reason);

    public async Task<ImportResult> ImportAsync(
        Actor actor, ImportKind kind, string fileName, Stream csv, bool importGoodRowsOnly, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        actor.RequireRole(Roles.Admin);
        var file = ReadRows(csv, kind == ImportKind.Transactions ? TransactionColumns : PriceColumns);
        var result = file.FileErrors.Count > 0
            ? new ImportResult(file.Rows.Count, 0, 0, file.FileErrors, false)
            : kind == ImportKind.Transactions
                ? await ImportTransactionsAsync(actor, fileName, file, importGoodRowsOnly, progress, cancellationToken)
                : await ImportPricesAsync(actor, fileName, file, importGoodRowsOnly, progress, cancellationToken);
        if (!result.Applied)
        {
            await audit.RecordAsync(actor, AuditActions.Import, Subject(fileName), Details(kind, result), cancellationToken);
        }
        else if (result.Imported > 0)
        {
            await ledger.ChangedAsync(CancellationToken.None);
        }

        return result;
    }

    private static string Subject(string fileName) => "import:" + Path.GetFileName(fileName);

    private static string Details(ImportKind kind, ImportResult result) =>
        $"{kind}: {result.Rows} rows, {result.Imported} imported, {result.AlreadyImported} already imported, " +
        $"{result.Errors.Select(e => e.Row).Distinct().Count()} rows rejected" + (result.Applied ? "" : ", nothing imported");

    /// <summary>The file's rows, good and bad, with the problems found while reading them.</summary>
    private sealed record CsvFile(List<CsvRow> Rows, List<ImportError> FileErrors);

    /// <summary>One row by column name; <see cref="Problem"/> is set when the row could not be read into the columns.</summary>
    private sealed record CsvRow(int Row, Dictionary<string, string> Fields, ImportError? Problem);

    private CsvFile ReadRows(Stream csv, IReadOnlyList<string> columns)
    {
        var rows = new List<CsvRow>();
        var errors = new List<ImportError>();
        if (csv.CanSeek && csv.Length > MaxFileMegabytes * 1024L * 1024L)
        {
            errors.Add(new(0, "", l["Import.TooLarge", MaxFileMegabytes]));
            return new(rows, errors);
        }

        if (ReadText(csv, errors) is not { } text)
        {
            return new(rows, errors);
        }

        string? badField = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => badField ??= args.Field,
        };
        using var parser = new CsvReader(new StringReader(text), configuration);
        if (!parser.Read() || !parser.ReadHeader() || parser.HeaderRecord is not { Length: > 0 } headerRecord || headerRecord.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new(1, "", l["Import.Empty"]));
            return new(rows, errors);
        }

        var header = headerRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        errors.AddRange(columns.Where(c => !header.Contains(c)).Select(c => new ImportError(1, c, l["Import.ColumnMissing"])));
        if (errors.Count > 0)
        {
            return new(rows, errors);
        }

        badField = null;
        while (parser.Read())
        {
            var row = parser.Parser.Row;
            if (rows.Count == MaxRows)
            {
                errors.Add(new(row, "", l["Import.TooManyRows", MaxRows]));
                break;
            }

            var count = parser.Parser.Count;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = i < count ? parser.Parser[i] ?? "" : "";
            }

            ImportError? problem = null;
            if (badField is not null)
            {
                problem = QuoteProblem(row, header, parser.Parser, badField);
                badField = null;
            }
            else if (count != header.Length)
            {
                problem = new(row, count < header.Length ? header[count] : "", l["Import.FieldCount", count, header.Length]);
            }

            rows.Add(new(row, fields, problem));
        }

        return new(rows, errors);
    }

    /// <summary>The text of a UTF-8 file (a byte-order mark is fine); null with an error naming the row of the first byte that is not UTF-8.</summary>
    private string? ReadText(Stream csv, List<ImportError> errors)
    {
        using var buffer = new MemoryStream();
        csv.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                errors.Add(new(bytes[..read].Count((byte)'\n') + 1, "", l["Import.NotUtf8"]));
                return null;
            }

            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private ImportError QuoteProblem(int row, string[] header, IParser parser, string badField)
    {
        var unquoted = badField.Replace("\"", "", StringComparison.Ordinal).Trim();
        var index = Enumerable.Range(0, Math.Min(parser.Count, header.Length))
            .FirstOrDefault(i => (parser[i] ?? "").Replace("\"", "", StringComparison.Ordinal).Trim() == unquoted, -1);
        var column = index >= 0 ? header[index] : "";
        // A quote that never closes swallows the rest of the file into one field.
        return new(row, column, badField.TrimStart().StartsWith('"') && badField.Contains('\n', StringComparison.Ordinal)
            ? l["Import.UnclosedQuote"]
            : l["Import.StrayQuote"]);
    }

    private async Task<ImportResult> ImportTransactionsAsync(
        Actor actor, string fileName, CsvFile file, bool goodRowsOnly, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readable = file.Rows.Where(r => r.Problem is null).ToList();
        var products = await db.Set<Product>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var clients = await investors.FindIdsByAccountNumbersAsync(db, actor, readable.Select(r => r.Fields["client_number"]).ToList(), cancellationToken);
        var accounts = new Dictionary<string, (int Id, int InvestorId)>(StringComparer.Ordinal);
        foreach (var chunk in clients.Values.Chunk(LookupChunk))
        {
            foreach (var a in await db.Set<InvestorAccount>().AsNoTracking().Where(a => chunk.Contains(a.InvestorId)).ToListAsync(cancellationToken))
            {
                accounts[a.Number] = (a.Id, a.InvestorId);
            }
        }

        var known = await KnownSourceIdsAsync(db, readable.Select(r => r.Fields["source_id"]), cancellationToken);
        var errors = file.Rows.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
        var good = new List<Transaction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var now = clock.GetUtcNow();
        foreach (var (row, f, _) in readable)
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string reason) => rowErrors.Add(new(row, column, reason));

            var sourceId = f["source_id"];
            if (sourceId.Length is 0 or > 64)
            {
                Fail("source_id", l["Import.SourceId"]);
            }
            else if (!seen.Add(sourceId))
            {
                Fail("source_id", l["Import.SourceIdTwice"]);
            }

            if (!clients.TryGetValue(f["client_number"], out var investorId))
            {
                Fail("client_number", l["Import.NoClient"]);
            }

            if (!accounts.TryGetValue(f["account"], out var account) || account.InvestorId != investorId)
            {
                Fail("account", l["Import.NotClientsAccount"]);
            }

            var date = ParseDate(f["trade_date"], "trade_date", Fail);
            var type = ParseEnum<TransactionType>(f["type"], "type", Fail);
            var status = ParseEnum<TransactionStatus>(f["status"], "status", Fail);
            var productId = OptionalProduct(f["product_code"], "product_code", products, Fail);
            var targetId = OptionalProduct(f["target_product_code"], "target_product_code", products, Fail);
            var units = OptionalDecimal(f["units"], "units", MaxUnits, Fail);
            var nav = OptionalDecimal(f["nav"], "nav", MaxNav, Fail);
            var targetUnits = OptionalDecimal(f["target_units"], "target_units", MaxUnits, Fail);
            var amount = RequiredAmount(f["amount"], "amount", Fail);
            var fee = f["fee"].Length == 0 ? 0 : RequiredAmount(f["fee"], "fee", Fail);
            var lots = 0;
            if (f["lots"].Length > 0 && (!int.TryParse(f["lots"], NumberStyles.None, CultureInfo.InvariantCulture, out lots) || lots > MaxLots))
            {
                Fail("lots", l["Import.Lots", MaxLots.ToString("N0", CultureInfo.CurrentCulture)]);
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
                    Fail("product_code", l["Import.RequiredFor", type]);
                }

                if (units is null or <= 0m)
                {
                    Fail("units", l["Import.PositiveFor", type]);
                }
            }

            if (type == TransactionType.Switch && (targetId is null || targetUnits is null or <= 0m))
            {
                Fail("target_product_code", l["Import.SwitchTarget"]);
            }

            if (type != TransactionType.Trade && amount < 0)
            {
                Fail("amount", l["Import.Negative"]);
            }

            if (type == TransactionType.Trade && lots <= 0)
            {
                Fail("lots", l["Import.TradeLots"]);
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

        return await ApplyAsync(db, actor, fileName, ImportKind.Transactions, file.Rows.Count, good, duplicates, errors, goodRowsOnly, progress,
            async (context, items, ct) =>
            {
                var saved = await KnownSourceIdsAsync(context, items.Select(t => t.SourceId), ct);
                return items.Where(t => !saved.Contains(t.SourceId)).ToList();
            },
            cancellationToken, (context, items, ct) => NotifyFailedAsync(context, items, accounts.ToDictionary(a => a.Value.Id, a => a.Key), ct));
    }

    private static async Task<HashSet<string>> KnownSourceIdsAsync(PortalDbContext db, IEnumerable<string> sourceIds, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in sourceIds.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            known.UnionWith(await db.Set<Transaction>().AsNoTracking().Where(t => chunk.Contains(t.SourceId)).Select(t => t.SourceId).ToListAsync(cancellationToken));
        }

        return known;
    }

    private async Task<ImportResult> ImportPricesAsync(
        Actor actor, string fileName, CsvFile file, bool goodRowsOnly, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = await db.Set<Product>().AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var existing = await KnownPricesAsync(db, cancellationToken);
        var errors = file.Rows.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
        var good = new List<ProductPrice>();
        var duplicates = 0;
        foreach (var (row, f, _) in file.Rows.Where(r => r.Problem is null))
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string reason) => rowErrors.Add(new(row, column, reason));
            if (!products.TryGetValue(f["product_code"], out var productId))
            {
                Fail("product_code", l["Import.NoProduct"]);
            }

            var date = ParseDate(f["date"], "date", Fail);
            var nav = OptionalDecimal(f["nav"], "nav", MaxNav, Fail);
            if (nav is null or <= 0m && rowErrors.TrueForAll(e => e.Column != "nav"))
            {
                Fail("nav", l["Import.Positive"]);
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

        return await ApplyAsync(db, actor, fileName, ImportKind.Prices, file.Rows.Count, good, duplicates, errors, goodRowsOnly, progress,
            async (context, items, ct) =>
            {
                var saved = await KnownPricesAsync(context, ct);
                return items.Where(p => !saved.Contains((p.ProductId, p.Date))).ToList();
            },
            cancellationToken);
    }

    private static async Task<HashSet<(int ProductId, DateOnly Date)>> KnownPricesAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        (await db.Set<ProductPrice>().AsNoTracking().Select(p => new { p.ProductId, p.Date }).ToListAsync(cancellationToken))
        .Select(p => (p.ProductId, p.Date)).ToHashSet();

    /// <summary>
    /// Saves the good rows when the file has no errors or only the good rows are wanted, with the audit row, in one
    /// database transaction. When the save meets rows another import saved meanwhile (a unique key violated), it is
    /// rolled back, those rows count as already imported, and the rest is saved again.
    /// </summary>
    private async Task<ImportResult> ApplyAsync<T>(
        PortalDbContext db, Actor actor, string fileName, ImportKind kind, int rows, List<T> good, int duplicates, List<ImportError> errors, bool goodRowsOnly,
        IProgress<ImportProgress>? progress, Func<PortalDbContext, List<T>, CancellationToken, Task<List<T>>> notYetSaved, CancellationToken cancellationToken,
        Func<PortalDbContext, List<T>, CancellationToken, Task>? beforeCommit = null)
        where T : class
    {
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (errors.Count > 0 && !goodRowsOnly)
        {
            return new(rows, 0, duplicates, errors, false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var result = new ImportResult(rows, good.Count, duplicates, errors, true);
            try
            {
                var saving = good;
                await SaveInBatchesAsync(db, good, progress, async () =>
                {
                    audit.Add(db, actor, AuditActions.Import, Subject(fileName), Details(kind, result));
                    if (beforeCommit is not null)
                    {
                        await beforeCommit(db, saving, cancellationToken);
                    }
                }, cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < SaveAttempts)
            {
                db.ChangeTracker.Clear();
                var remaining = await notYetSaved(db, good, cancellationToken);
                if (remaining.Count == good.Count)
                {
                    // Not a race with another import: let the caller see the failure.
                    throw;
                }

                duplicates += good.Count - remaining.Count;
                good = remaining;
            }
        }
    }

    /// <summary>One database transaction for the whole file, saved in batches so progress can be shown; the audit row goes with the last.</summary>
    private static async Task SaveInBatchesAsync<T>(PortalDbContext db, List<T> items, IProgress<ImportProgress>? progress, Func<Task> addAudit, CancellationToken cancellationToken)
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

        await addAudit();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Tells each investor with online access about their failed transactions in this file, in the import's transaction.</summary>
    private async Task NotifyFailedAsync(PortalDbContext db, List<Transaction> saved, IReadOnlyDictionary<int, string> accountNumbers, CancellationToken cancellationToken)
    {
        var failed = saved.Where(t => t.Status == TransactionStatus.Failed).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        var users = await investors.FindUserIdsAsync(db, failed.Select(t => t.InvestorId).Distinct().ToList(), cancellationToken);
        foreach (var transaction in failed)
        {
            if (!users.TryGetValue(transaction.InvestorId, out var userId))
            {
                continue;
            }

            var values = new Dictionary<string, string>(
                NotificationValues.Localized("type", () => l["Type." + transaction.Type])
                    .Concat(NotificationValues.Localized("reason", () => transaction.FailureReason is { } reason ? l["Reason." + reason] : "—"))
                    .Concat(NotificationValues.Localized("amount", () => Money.Format(Math.Abs(transaction.AmountFen)))))
            {
                ["date"] = transaction.TradeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["account"] = accountNumbers.GetValueOrDefault(transaction.AccountId, ""),
            };
            outbox.Add(db, userId, NotificationTopic.FailedTransaction, "transaction-failed", values, "/transactions");
        }
    }

    private DateOnly? ParseDate(string value, string column, RowFailure fail)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fail(column, l["Import.Date"]);
        return null;
    }

    private TEnum? ParseEnum<TEnum>(string value, string column, RowFailure fail)
        where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        fail(column, l["Import.OneOf", string.Join(", ", Enum.GetNames<TEnum>())]);
        return null;
    }

    private int? OptionalProduct(string code, string column, Dictionary<string, int> products, RowFailure fail)
    {
        if (code.Length == 0)
        {
            return null;
        }

        if (products.TryGetValue(code, out var id))
        {
            return id;
        }

        fail(column, l["Import.NoProduct"]);
        return null;
    }

    private decimal? OptionalDecimal(string value, string column, decimal max, RowFailure fail)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            fail(column, l["Import.Number"]);
            return null;
        }

        if (Math.Abs(number) > max)
        {
            fail(column, l["Import.TooBig", max.ToString("N0", CultureInfo.CurrentCulture)]);
            return null;
        }

        return number;
    }

    /// <summary>Yuan with at most two decimals and at most <see cref="MaxAmountYuan"/> either way, converted to exact fen.</summary>
    private long RequiredAmount(string value, string column, RowFailure fail)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan)
            || decimal.Round(yuan, 2) != yuan)
        {
            fail(column, l["Import.Amount"]);
            return 0;
        }

        if (Math.Abs(yuan) > MaxAmountYuan)
        {
            fail(column, l["Import.AmountTooBig", MaxAmountYuan.ToString("N0", CultureInfo.CurrentCulture)]);
            return 0;
        }

        return Money.ToFen(yuan);
    }
}

/// <summary>What the admin page logs when an import fails for a reason the importer does not report as a row error.</summary>
public static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {FileName} failed.")]
    public static partial void ImportFailed(ILogger logger, Exception ex, string fileName);
}
