using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Audit;
using Portal.Web.Resources;

namespace Portal.UnitTests.Audit;

/// <summary>The audit page names every action in both languages; a new action without its texts fails here.</summary>
public sealed class AuditTextTests
{
    private static readonly StringLocalizer<AuditText> Text =
        new(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public void Every_action_has_a_name_of_its_own(string culture)
    {
        using var _ = new CultureScope(culture);

        var unnamed = AuditActions.All.Where(a => Text["Action." + a].ResourceNotFound).ToList();

        Assert.True(unnamed.Count == 0, $"AuditText{(culture == "en" ? "" : "." + culture)}.resx lacks Action.{string.Join(", Action.", unnamed)}");
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(a => AuditCsv.ActionLabel(Text, a)).Distinct().Count());
    }

    [Fact]
    public void The_list_holds_every_action_once()
    {
        Assert.Contains(AuditActions.SignIn, AuditActions.All);
        Assert.Contains(AuditActions.AuditExported, AuditActions.All);
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct().Count());
    }

    [Fact]
    public void An_action_without_a_text_shows_its_stored_name()
    {
        Assert.Equal("SomethingNew", AuditCsv.ActionLabel(Text, "SomethingNew"));
    }
}
