using System.Text.Json;
using System.Xml.Linq;

namespace Portal.UnitTests;

/// <summary>
/// Every package the app ships (direct and transitive, as restored into Portal.Web's project.assets.json) is under a
/// licence the firm may ship: the licence expression in its .nuspec must be made of permissive licences only. A copyleft
/// (GPL, AGPL, LGPL), source-available (SSPL, BUSL) or commercial licence, or one the package names only as a file or
/// URL, fails with the package named.
/// </summary>
public sealed class PackageLicenceTests
{
    /// <summary>The licences in the README's table; an expression may combine them with OR and AND.</summary>
    private static readonly HashSet<string> Permissive = new(StringComparer.OrdinalIgnoreCase)
    {
        "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "PostgreSQL",
    };

    public sealed record PackageLicence(string Id, string Version, string? Expression, string? Other);

    /// <summary>The packages of Portal.Web's last restore, with the licence each one's .nuspec declares.</summary>
    public static IReadOnlyList<PackageLicence> ShippedPackages()
    {
        var assets = System.IO.Path.Combine(SolutionFolder.Path, "src", "Portal.Web", "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing: restore src/Portal.Web first.");
        using var json = JsonDocument.Parse(File.ReadAllBytes(assets));
        var folders = json.RootElement.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name).ToList();
        var packages = new List<PackageLicence>();
        foreach (var library in json.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package")
            {
                continue;
            }

            var (id, version) = (library.Name.Split('/')[0], library.Name.Split('/')[1]);
            var nuspecName = library.Value.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)
                .Single(f => f.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            var nuspec = folders.Select(f => System.IO.Path.Combine(f, library.Value.GetProperty("path").GetString()!, nuspecName)).First(File.Exists);
            var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            var license = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "license");
            var url = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value;
            packages.Add((string?)license?.Attribute("type") == "expression"
                ? new(id, version, license!.Value.Trim(), null)
                : new(id, version, null, license is null ? url ?? "no licence" : $"file {license.Value}"));
        }

        return packages;
    }

    /// <summary>True when the expression leaves a permissive choice: every AND part allowed, in at least one OR branch.</summary>
    public static bool IsPermissive(string expression) =>
        expression.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Split(" OR ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(branch => branch.Split(" AND ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(Permissive.Contains));

    [Fact]
    public void Every_shipped_package_has_a_permissive_licence()
    {
        var packages = ShippedPackages();
        Assert.Contains(packages, p => p.Id == "MudBlazor");

        var refused = packages.Where(p => p.Expression is null || !IsPermissive(p.Expression))
            .Select(p => $"{p.Id} {p.Version}: {p.Expression ?? p.Other}").ToList();
        Assert.True(refused.Count == 0, "Packages whose licence the portal may not ship: " + string.Join("; ", refused));
    }

    [Theory]
    [InlineData("MIT", true)]
    [InlineData("MS-PL OR Apache-2.0", true)]
    [InlineData("PostgreSQL", true)]
    [InlineData("MS-PL", false)]
    [InlineData("AGPL-3.0-only", false)]
    [InlineData("GPL-2.0-or-later", false)]
    [InlineData("LGPL-2.1-only", false)]
    [InlineData("SSPL-1.0", false)]
    [InlineData("BUSL-1.1", false)]
    [InlineData("MIT AND GPL-3.0-only", false)]
    [InlineData("LicenseRef-Commercial", false)]
    [InlineData("GPL-3.0-only OR MIT", true)]
    public void A_licence_expression_is_permissive_only_when_a_permissive_choice_remains(string expression, bool permissive) =>
        Assert.Equal(permissive, IsPermissive(expression));
}
