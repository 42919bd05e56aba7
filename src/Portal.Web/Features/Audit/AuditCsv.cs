using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Audit;

/// <summary>
/// The audit rows as one CSV table: the header on line 1, then one line a row; UTF-8 with a byte-order mark so
/// spreadsheets show Chinese correctly. Times are ISO 8601 in the reader's time zone, with its offset. A text that a
/// spreadsheet would take for a formula (=, +, -, @ first) starts with an apostrophe.
/// </summary>
public sealed class AuditCsv(IStringLocalizer<AuditText> l)
{
    public async Task WriteAsync(Stream output, IAsyncEnumerable<AuditRow> rows, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        // Rows carry text that visitors chose (a mistyped e-mail at sign-in): a spreadsheet must not run it as a formula.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var header in new[] { "Column.Id", "Column.Time", "Column.Actor", "Column.ActorUserId", "Column.Address", "Column.Action", "Column.Subject", "Column.Details", "Column.Hash" })
        {
            csv.WriteField(l[header].Value);
        }

        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(TimeZoneInfo.ConvertTime(row.At, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            csv.WriteField(row.ActorName);
            csv.WriteField(row.ActorUserId ?? "");
            csv.WriteField(row.Address ?? "");
            csv.WriteField(ActionLabel(l, row.Action));
            csv.WriteField(row.Subject);
            csv.WriteField(row.Details ?? "");
            csv.WriteField(row.Hash);
            await csv.NextRecordAsync();
            if (++written % AuditQuery.ExportBatchSize == 0)
            {
                await csv.FlushAsync();
            }
        }
    }

    /// <summary>An action as people read it; an action without a text of its own shows its stored name.</summary>
    public static string ActionLabel(IStringLocalizer<AuditText> l, string action)
    {
        var text = l["Action." + action];
        return text.ResourceNotFound ? action : text.Value;
    }
}
