using Portal.Load;

// dotnet run -c Release --project src/Portal.Load [statements|pdf|all] [--runs N] [--seconds S] [--concurrency C] [--warmup W]
var options = BenchmarkOptions.Parse(args);
if (options.Which is "statements" or "all")
{
    await StatementsPageBenchmark.RunAsync(options);
}

if (options.Which is "pdf" or "all")
{
    PdfBenchmark.Run(options);
}
