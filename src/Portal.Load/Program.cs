using Portal.Load;

// dotnet run -c Release --project src/Portal.Load [statements|pages|pdf|cases|chat|notifications|all] [--runs N] [--seconds S] [--concurrency C] [--warmup W] [--postgres CS]
//   pages: [--pages name,name] [--circuits 30] (needs wrk, Chromium and `dotnet tool restore` for dotnet-gcdump)
//   chat: [--connections 5000] [--users 250] [--pairs 100] [--rate 500] [--hold 600]
//   notifications: [--count 10000]
var options = BenchmarkOptions.Parse(args);
if (options.Which is "statements" or "all")
{
    await StatementsPageBenchmark.RunAsync(options);
}

if (options.Which is "pages" or "all")
{
    await PagesBenchmark.RunAsync(options);
}

if (options.Which is "pdf" or "all")
{
    PdfBenchmark.Run(options);
}

if (options.Which is "cases" or "all")
{
    await CasesBenchmark.RunAsync(options);
}

if (options.Which is "chat" or "all")
{
    await ChatBenchmark.RunAsync(options);
}

if (options.Which is "notifications" or "all")
{
    await NotificationsBenchmark.RunAsync(options);
}
