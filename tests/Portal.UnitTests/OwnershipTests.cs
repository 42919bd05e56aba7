using System.Text.RegularExpressions;

namespace Portal.UnitTests;

/// <summary>
/// Accounts owns investors (DESIGN.md, "Pieces several features share"): no code outside Features/Accounts queries or
/// writes the Investor set itself, it goes through Accounts' InvestorDirectory; and Accounts does not lean back on
/// Statements. The source is scanned, so a new file that breaks the rule fails here.
/// </summary>
public sealed partial class OwnershipTests
{
    private static readonly string s_sources = Path.Combine(SolutionFolder.Path, "src");
    private static readonly string s_accounts = Path.Combine(s_sources, "Portal.Web", "Features", "Accounts");

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(SolutionFolder.Path, file);

    [Fact]
    public void No_file_outside_Accounts_uses_the_investor_set()
    {
        var files = SourceFiles(s_sources).ToList();
        Assert.Contains(files, f => f.EndsWith("MonthEndService.cs", StringComparison.Ordinal));

        var offenders = files.Where(f => !f.StartsWith(s_accounts + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => InvestorSet().IsMatch(File.ReadAllText(f)))
            .Select(Relative).ToList();
        Assert.True(offenders.Count == 0, "Read and change investors through Accounts' InvestorDirectory, not Set<Investor>(): " + string.Join(", ", offenders));
    }

    [Fact]
    public void Accounts_does_not_depend_on_statements()
    {
        var offenders = SourceFiles(s_accounts).Where(f => File.ReadAllText(f).Contains("Features.Statements", StringComparison.Ordinal))
            .Select(Relative).ToList();
        Assert.True(offenders.Count == 0, "Accounts uses Statements' types: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"Set\s*<\s*(Portal\.Web\.Features\.Accounts\.)?Investor\s*>\s*\(")]
    private static partial Regex InvestorSet();
}
