using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Statements;

/// <summary>
/// The command-line entry points: <c>dotnet Portal.Web.dll monthend yyyy-MM</c> and
/// <c>dotnet Portal.Web.dll import transactions|prices file.csv [--good-rows-only]</c>.
/// They run after migrations instead of the web server.
/// </summary>
public static class StatementsCommands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "monthend" or "import";

    /// <summary>Runs the command in <paramref name="args"/> and returns the process exit code.</summary>
    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var output = Console.Out;
        switch (args)
        {
            case ["monthend", var monthText] when StatementFormat.TryParseMonth(monthText, out var month):
            {
                if (month >= scope.ServiceProvider.GetRequiredService<StatementCalendar>().CurrentMonth)
                {
                    await Console.Error.WriteLineAsync($"{monthText} has not ended yet; only a past month can be closed.");
                    return 2;
                }

                var service = scope.ServiceProvider.GetRequiredService<MonthEndService>();
                var done = await service.RunAsync(Actor.System("monthend command"), month, new InlineProgress<MonthEndProgress>(p =>
                    output.WriteLine($"{StatementFormat.MonthKey(p.Month)}: {p.Processed}/{p.Total} investors, {p.TierChanges} tier changes")), cancellationToken);
                await output.WriteLineAsync($"Month-end {StatementFormat.MonthKey(done.Month)} finished: {done.Processed} investors, {done.TierChanges} tier changes.");
                return 0;
            }

            case ["import", var kindText, var file, .. var options] when Enum.TryParse<ImportKind>(kindText, ignoreCase: true, out var kind):
            {
                if (!File.Exists(file))
                {
                    await Console.Error.WriteLineAsync($"File not found: {file}");
                    return 2;
                }

                var importer = scope.ServiceProvider.GetRequiredService<TransactionImporter>();
                await using var stream = File.OpenRead(file);
                var result = await importer.ImportAsync(Actor.System("import command"), kind, file, stream, options.Contains("--good-rows-only"),
                    new Progress<ImportProgress>(p => output.WriteLine($"{p.Done}/{p.Total} rows saved")), cancellationToken);
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync(error.Row == 0 ? $"file: {error.Reason}" : $"row {error.Row}, {error.Column}: {error.Reason}");
                }

                await output.WriteLineAsync(result.Applied
                    ? $"{result.Rows} rows: {result.Imported} imported, {result.AlreadyImported} already imported, {result.Errors.Count} errors."
                    : $"{result.Rows} rows: nothing imported because of {result.Errors.Count} errors (use --good-rows-only to import the rest).");
                return result.Applied && result.Errors.Count == 0 ? 0 : 1;
            }

            default:
                await Console.Error.WriteLineAsync("Usage: monthend <yyyy-MM> | import <transactions|prices> <file.csv> [--good-rows-only]");
                return 2;
        }
    }
}
