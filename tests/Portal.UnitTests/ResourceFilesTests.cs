using System.Xml.Linq;

namespace Portal.UnitTests;

/// <summary>Every English text has a Chinese twin: same keys in Name.resx and Name.zh-Hans.resx, none empty.</summary>
public sealed class ResourceFilesTests
{
    private static readonly string s_resources = Path.Combine(SolutionFolder.Path, "src", "Portal.Web", "Resources");

    public static TheoryData<string> ResourceNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(s_resources, "*.resx").Where(f => !f.EndsWith(".zh-Hans.resx", StringComparison.Ordinal)).Order())
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void The_resources_folder_has_texts()
    {
        Assert.NotEmpty(ResourceNames());
    }

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void English_and_Chinese_have_the_same_keys_and_no_empty_text(string name)
    {
        var english = Read(Path.Combine(s_resources, name + ".resx"));
        var chinesePath = Path.Combine(s_resources, name + ".zh-Hans.resx");
        Assert.True(File.Exists(chinesePath), $"{name}.zh-Hans.resx is missing.");
        var chinese = Read(chinesePath);

        Assert.Empty(english.Keys.Except(chinese.Keys).Select(k => $"only in {name}.resx: {k}"));
        Assert.Empty(chinese.Keys.Except(english.Keys).Select(k => $"only in {name}.zh-Hans.resx: {k}"));
        Assert.Empty(english.Concat(chinese).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"empty text: {p.Key}"));
    }

    [Fact]
    public void No_Chinese_file_lacks_its_English_original()
    {
        var orphans = Directory.GetFiles(s_resources, "*.zh-Hans.resx")
            .Where(f => !File.Exists(f.Replace(".zh-Hans.resx", ".resx", StringComparison.Ordinal)));

        Assert.Empty(orphans);
    }

    private static Dictionary<string, string> Read(string path)
    {
        var pairs = XDocument.Load(path).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? ""))
            .ToList();
        var duplicates = pairs.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{Path.GetFileName(path)} repeats keys: {string.Join(", ", duplicates)}");
        return pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
