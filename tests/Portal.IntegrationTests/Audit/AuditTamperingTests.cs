using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;

namespace Portal.IntegrationTests.Audit;

/// <summary>
/// Someone with the SQLite file changes or deletes audit rows by hand, past the app: the page's verifier and the
/// <c>audit verify</c> command (the shipped entry point, run as its own process) both name the row. Also the page's
/// day filter on SQLite, which stores times as UTC ticks.
/// </summary>
public sealed class AuditTamperingTests(SqlitePortalApp app) : IClassFixture<SqlitePortalApp>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Rows_changed_or_deleted_in_the_SQLite_file_are_named_by_the_verifier_and_the_command()
    {
        var audit = app.Services.GetRequiredService<AuditTrail>();
        for (var i = 1; i <= 6; i++)
        {
            await audit.RecordAsync(Actor.System("tamper test"), AuditActions.SettingsChanged, $"settings:test-{i}", $"value {i}");
        }

        var rows = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync());
        var victim = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Subject == "settings:test-3").Select(e => e.Id).SingleAsync());
        var intact = await VerifyAsync();
        Assert.Equal((rows, null), (intact.Rows, intact.Break));
        var (code, output) = await RunAsync("audit", "verify");
        Assert.Equal(0, code);
        Assert.StartsWith($"audit: {rows} rows, chain intact", output, StringComparison.Ordinal);
        var anchor = output.Split('"')[1].Replace("--expect ", "", StringComparison.Ordinal);

        // An UPDATE by hand: the row no longer hashes as it was written.
        await ExecuteAsync($"UPDATE AuditEntries SET Details = 'value 300' WHERE Id = {victim}");
        Assert.Equal(new AuditBreak(victim, AuditBreakKind.Altered), (await VerifyAsync()).Break);
        (code, output) = await RunAsync("audit", "verify");
        Assert.Equal(1, code);
        Assert.Equal($"audit: row {victim} is altered", output.Trim());

        await ExecuteAsync($"UPDATE AuditEntries SET Details = 'value 3' WHERE Id = {victim}");
        Assert.True((await VerifyAsync()).Intact, "putting the value back restores the chain");

        // The last row deleted: the shorter chain is intact in itself; only the earlier check's anchor shows the cut.
        await ExecuteAsync($"DELETE FROM AuditEntries WHERE Id = {rows}");
        (code, output) = await RunAsync("audit", "verify");
        Assert.Equal((0, $"audit: {rows - 1} rows, chain intact"), (code, output.Split('\n')[0]));
        (code, output) = await RunAsync("audit", "verify", "--expect", anchor);
        Assert.Equal(1, code);
        Assert.Equal($"audit: row {rows} is missing", output.Trim());

        // A row deleted from the middle leaves a gap in the numbers.
        await ExecuteAsync($"DELETE FROM AuditEntries WHERE Id = {victim + 1}");
        Assert.Equal(new AuditBreak(victim + 1, AuditBreakKind.Missing), (await VerifyAsync()).Break);
        (code, output) = await RunAsync("audit", "verify");
        Assert.Equal(1, code);
        Assert.Equal($"audit: row {victim + 1} is missing", output.Trim());

        Assert.Equal(2, (await RunAsync("audit", "verify", "--expect", "not-an-anchor")).Code);
    }

    [Fact]
    public async Task The_day_filter_compares_times_on_SQLite_as_on_PostgreSQL()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var midnight = new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
        foreach (var (at, subject) in new[] { (midnight.AddMilliseconds(-1), "daytest:before"), (midnight, "daytest:first"), (midnight.AddDays(1).AddMilliseconds(-1), "daytest:last") })
        {
            await app.WithDbAsync(db =>
            {
                db.Set<AuditEntry>().Add(new AuditEntry { At = at, ActorName = "day test", Action = AuditActions.MonthEnd, Subject = subject });
                return db.SaveChangesAsync();
            });
        }

        var admin = new Actor("admin-id", "Admin", new HashSet<string> { Roles.Admin }, null, null);
        var december = new AuditFilter(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), Subject: "daytest:");
        var page = await app.Services.GetRequiredService<AuditQuery>().ListAsync(admin, december, shanghai, 0, 10);

        Assert.Equal(["daytest:last", "daytest:first"], page.Rows.Select(r => r.Subject));
    }

    private Task<AuditVerification> VerifyAsync() =>
        app.Services.GetRequiredService<AuditVerifier>().VerifyAsync(Actor.System("tamper test"));

    /// <summary>Raw SQL on the app's database file, through a connection of its own: nothing of the app is involved.</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Runs <c>dotnet Portal.Web.dll ...</c> on this app's database, as an operator would; returns its exit code and its "audit:" lines.</summary>
    private async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(web);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Portal"] = app.ConnectionString;
        start.Environment["Portal__DemoData"] = "false";
        start.Environment["Portal__PublicBaseUrl"] = PortalApp.PublicBaseUrl;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Should the command not be recognised, the web server it falls back to takes a free port, not a shared one.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"'{string.Join(' ', arguments)}' did not finish within {CommandTimeout.TotalSeconds} s (it serves the web instead?).");
        }

        // The command's own lines; the host may log around them (the test build has no wwwroot, for one).
        var lines = (await output).Split('\n').Where(l => l.StartsWith("audit: ", StringComparison.Ordinal));
        await errors;
        return (process.ExitCode, string.Join('\n', lines));
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
