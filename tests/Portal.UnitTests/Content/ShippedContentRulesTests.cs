using Portal.Web.Features.Content;

namespace Portal.UnitTests.Content;

public sealed class ShippedContentRulesTests
{
    private const string Imported = "hash-of-the-imported-file";
    private const string Changed = "hash-of-the-changed-file";

    [Fact]
    public void A_new_slug_is_inserted() =>
        Assert.Equal(ImportDecision.Insert, ShippedContentRules.Decide(null, Changed));

    [Fact]
    public void An_unchanged_file_does_nothing() =>
        Assert.Equal(ImportDecision.Unchanged, ShippedContentRules.Decide(Item(Imported, editedSinceImport: false), Imported));

    [Fact]
    public void An_unchanged_file_does_nothing_even_after_an_editor_changed_the_item() =>
        Assert.Equal(ImportDecision.Unchanged, ShippedContentRules.Decide(Item(Imported, editedSinceImport: true), Imported));

    [Fact]
    public void A_changed_file_updates_an_item_nobody_edited() =>
        Assert.Equal(ImportDecision.Update, ShippedContentRules.Decide(Item(Imported, editedSinceImport: false), Changed));

    [Fact]
    public void A_changed_file_never_overwrites_an_editor() =>
        Assert.Equal(ImportDecision.Conflict, ShippedContentRules.Decide(Item(Imported, editedSinceImport: true), Changed));

    [Fact]
    public void A_file_whose_slug_an_editor_created_in_the_portal_is_a_conflict() =>
        Assert.Equal(ImportDecision.Conflict, ShippedContentRules.Decide(Item(importedHash: null, editedSinceImport: true), Changed));

    private static ContentItem Item(string? importedHash, bool editedSinceImport) =>
        new() { Slug = "what-is-a-fund", ImportedHash = importedHash, EditedSinceImport = editedSinceImport };
}
