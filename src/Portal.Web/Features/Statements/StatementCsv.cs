using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Statements;

/// <summary>The statement as CSV: UTF-8 with a byte-order mark so Excel shows Chinese correctly.</summary>
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

            var f = doc.Figures;
            Row(l["Statement.Document"], StatementFormat.MonthKey(doc.Month));
            Row(l["Statement.Client"], doc.Header.Name);
            Row(l["Statement.ClientNumber"], doc.Header.AccountNumber);
            Row(l["Statement.Opening"], Money.Plain(f.Opening));
            Row(l["Statement.Deposits"], Money.Plain(f.Deposits));
            Row(l["Statement.Withdrawals"], Money.Plain(f.Withdrawals));
            Row(l["Statement.Realised"], Money.Plain(f.Realised));
            Row(l["Statement.Unrealised"], Money.Plain(f.Unrealised));
            Row(l["Statement.Dividends"], Money.Plain(f.Dividends));
            Row(l["Statement.Fees"], Money.Plain(f.Fees));
            Row(l["Statement.Closing"], Money.Plain(f.Closing));
            Row(l["Statement.Cash"], Money.Plain(doc.ClosingCashFen));
            Row();
            Row(l["Statement.Holdings"]);
            Row(l["Holding.Code"], l["Holding.Product"], l["Holding.Type"], l["Holding.Risk"], l["Holding.Units"], l["Holding.Nav"], l["Holding.Cost"], l["Holding.Value"]);
            foreach (var h in doc.Holdings)
            {
                Row(h.ProductCode, h.ProductName, StatementFormat.ProductType(l, h.Type), h.Risk.ToString(),
                    h.Units.ToString("0.00", CultureInfo.InvariantCulture), h.Nav.ToString("0.0000", CultureInfo.InvariantCulture),
                    Money.Plain(h.CostFen), Money.Plain(h.MarketValueFen));
            }

            Row();
            Row(l["Statement.Transactions"]);
            Row(l["Txn.Date"], l["Txn.Reference"], l["Txn.Account"], l["Txn.Type"], l["Txn.Product"], l["Txn.Units"], l["Txn.Nav"],
                l["Txn.Amount"], l["Txn.Fee"], l["Txn.Lots"], l["Txn.Status"], l["Txn.Reason"]);
            foreach (var t in doc.Transactions)
            {
                Row(StatementFormat.Date(t.TradeDate), t.Reference, t.AccountNumber, StatementFormat.Type(l, t.Type), t.ProductName ?? "",
                    t.Units?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", t.Nav?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
                    Money.Plain(t.AmountFen), Money.Plain(t.FeeFen), t.Lots == 0 ? "" : t.Lots.ToString(CultureInfo.InvariantCulture),
                    StatementFormat.Status(l, t.Status), t.FailureReason is { } reason ? l["Reason." + reason] : "");
            }
        }

        return stream.ToArray();
    }
}
