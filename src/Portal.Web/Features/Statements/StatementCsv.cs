using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Statements;

/// <summary>
/// The statement's transactions as one CSV table: the column names on line 1, then one row per transaction, every row
/// with the same columns, so spreadsheets and import tools read it as it is. The summary and holdings are in the PDF.
/// UTF-8 with a byte-order mark so Excel shows Chinese correctly; amounts are plain numbers in yuan.
/// </summary>
public sealed class StatementCsv(IStringLocalizer<StatementsText> l)
{
    public byte[] Write(StatementDocument doc)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            void Row(params string[] fields)
            {
                foreach (var field in fields)
                {
                    csv.WriteField(field);
                }

                csv.NextRecord();
            }

            Row(l["Txn.Date"], l["Txn.Reference"], l["Txn.Account"], l["Txn.Type"], l["Txn.ProductCode"], l["Txn.Product"], l["Txn.Units"], l["Txn.Nav"],
                l["Txn.Amount"], l["Txn.Fee"], l["Txn.Lots"], l["Txn.Status"], l["Txn.Reason"]);
            foreach (var t in doc.Transactions)
            {
                Row(StatementFormat.Date(t.TradeDate), t.Reference, t.AccountNumber, StatementFormat.Type(l, t.Type), t.ProductCode ?? "", t.ProductName ?? "",
                    t.Units?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", t.Nav?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
                    Money.Plain(t.AmountFen), Money.Plain(t.FeeFen), t.Lots.ToString(CultureInfo.InvariantCulture),
                    StatementFormat.Status(l, t.Status), t.FailureReason is { } reason ? l["Reason." + reason] : "");
            }
        }

        return stream.ToArray();
    }
}
