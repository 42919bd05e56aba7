using System.Globalization;

namespace Portal.Web.Features.Statements;

/// <summary>Exact CNY amounts: stored as whole fen, shown as yuan in the current culture.</summary>
public static class Money
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    // One CNY number format per culture; statements format hundreds of amounts per page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NumberFormatInfo> Formats = new(StringComparer.Ordinal);

    public static decimal ToYuan(long fen) => fen / 100m;

    /// <summary>Rounds to the fen, halves away from zero as banks do.</summary>
    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>CNY with the ¥ sign and two decimals, digit grouping of the current culture.</summary>
    public static string Format(long fen) =>
        ToYuan(fen).ToString("C", Formats.GetOrAdd(CultureInfo.CurrentCulture.Name, static (_, culture) =>
        {
            var format = (NumberFormatInfo)culture.NumberFormat.Clone();
            format.CurrencySymbol = Chinese.NumberFormat.CurrencySymbol;
            format.CurrencyDecimalDigits = 2;
            format.CurrencyNegativePattern = 1;
            format.CurrencyPositivePattern = 0;
            return NumberFormatInfo.ReadOnly(format);
        }, CultureInfo.CurrentCulture));

    /// <summary>
    /// A short CNY amount for chart axes, in the current culture's way of counting large numbers: ¥7.2M or ¥720K in
    /// English, ¥720.9万 or ¥1.2亿 in Chinese.
    /// </summary>
    public static string Compact(decimal yuan)
    {
        var culture = CultureInfo.CurrentCulture;
        var steps = culture.Name.StartsWith("zh", StringComparison.Ordinal)
            ? new[] { (100_000_000m, "亿"), (10_000m, "万") }
            : [(1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "K")];
        var (size, unit) = steps.FirstOrDefault(s => Math.Abs(yuan) >= s.Item1, (1m, ""));
        var number = (yuan / size).ToString(size == 1m ? "#,##0" : "#,##0.#", culture);
        return (yuan < 0 ? "-" : "") + Chinese.NumberFormat.CurrencySymbol + number.TrimStart('-') + unit;
    }

    /// <summary>Plain number with two decimals for CSV files (invariant, no symbol).</summary>
    public static string Plain(long fen) => ToYuan(fen).ToString("0.00", CultureInfo.InvariantCulture);
}
