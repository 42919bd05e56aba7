using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting;
using Portal.Web.Resources;

namespace Portal.Load;

/// <summary>Time to render a statement with 500 transaction lines to PDF, in Chinese (the harder case: two fonts).</summary>
internal static class PdfBenchmark
{
    public const int Lines = 500;

    public static void Run(BenchmarkOptions options)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var pdf = new StatementPdf(new StringLocalizer<StatementsText>(factory), new StringLocalizer<UiText>(factory),
            Options.Create(new PortalOptions()),
            new StatementCalendar(TimeProvider.System, Options.Create(new PortalOptions())));
        var doc = Document();

        // Warm-up: JIT, font loading and the font subsetter's first use.
        _ = pdf.Write(doc);
        _ = pdf.Write(doc);
        var timings = new List<double>();
        var size = 0;
        var runs = Math.Max(options.Runs * 2, 10);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            size = pdf.Write(doc).Length;
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"PDF, {Lines}-line statement: runs {string.Join(", ", timings.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))} ms");
        Console.WriteLine($"PDF, {Lines}-line statement: median {BenchmarkOptions.Median(timings):0.0} ms, {size / 1024} KiB");
    }

    private static StatementDocument Document() => new(
        new("赵国栋", "880000000003", "**************4171", ClientTier.Diamond, ["880000000003-1", "880000000003-2"]),
        new DateOnly(2026, 10, 1),
        new StatementFigures(1_000_000_00, 50_000_00, 20_000_00, 1_234_56, -567_89, 12_34, 99_00, 1_030_580_01),
        530_580_01, 120,
        [new("000505", "成长精选股票", ProductType.Equity, RiskLevel.R4, 1_000.00m, 2.1450m, 2_000_00, 2_145_00)],
        Enumerable.Range(1, Lines).Select(i => new TransactionLine(
            i, $"T20261001{i:D6}", new DateOnly(2026, 10, 1 + (i % 28)), "880000000003-1", (TransactionType)(i % 9),
            i % 50 == 0 ? TransactionStatus.Failed : TransactionStatus.Confirmed, "000505", "成长精选股票", 10.5m, 2.1450m, 1_000_00 + i, 1_50, 0,
            i % 50 == 0 ? FailureReason.InsufficientFunds : null, null, null, DateTimeOffset.UnixEpoch)).ToList(),
        DateTimeOffset.UtcNow);
}
