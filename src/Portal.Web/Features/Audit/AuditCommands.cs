using System.Globalization;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Audit;

/// <summary>
/// <c>dotnet Portal.Web.dll audit verify [--expect id:hash]</c>: checks the whole chain (after migrations, instead of the
/// web server) and exits 0 when it is intact, 1 at the first altered or missing row. <c>--expect</c> names the last row
/// of an earlier check, which the chain must still hold unchanged (so rows cut from the end are found too).
/// </summary>
public static class AuditCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "audit";

    /// <summary>Runs the command in <paramref name="args"/> and returns the process exit code.</summary>
    public static async Task<int> RunAuditCommandAsync(this WebApplication app, string[] args, CancellationToken cancellationToken = default)
    {
        var output = Console.Out;
        AuditAnchor? anchor = null;
        var valid = args is ["audit", "verify"]
            || (args is ["audit", "verify", "--expect", var expected] && AuditAnchor.TryParse(expected, out anchor));
        if (!valid)
        {
            await Console.Error.WriteLineAsync("Usage: audit verify [--expect <row>:<sha256 hex>]");
            return 2;
        }

        var verifier = app.Services.GetRequiredService<AuditVerifier>();
        var result = await verifier.VerifyAsync(Actor.System("audit verify command"), anchor, cancellationToken);
        if (result.Break is { } found)
        {
            await output.WriteLineAsync($"audit: {found.Describe()}");
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit: {result.Rows} rows, chain intact"));
        if (result.Anchor is { } last)
        {
            await output.WriteLineAsync($"audit: keep \"--expect {last}\" to check later that no row was cut from the end");
        }

        return 0;
    }
}
