using Portal.Web.Features.Content;

namespace Portal.UnitTests.Content;

public sealed class ContentWorkflowRulesTests
{
    private static readonly ContentActor Author = new("editor-1", "Author", IsEditor: true, IsSupervisor: false);
    private static readonly ContentActor OtherEditor = new("editor-2", "Reviewer", IsEditor: true, IsSupervisor: false);
    private static readonly ContentActor Supervisor = new("supervisor-1", "Supervisor", IsEditor: false, IsSupervisor: true);
    private static readonly ContentActor Agent = new("agent-1", "Agent", IsEditor: false, IsSupervisor: false);
    private static readonly IReadOnlySet<string> NoEditors = new HashSet<string>();

    [Fact]
    public void The_author_can_never_approve_their_own_text() =>
        Assert.Equal(ContentWorkflowRules.OwnWork, ContentWorkflowRules.ApprovalRefusal(InReview(), Author, NoEditors));

    [Fact]
    public void A_supervisor_who_also_wrote_the_text_cannot_approve_it() =>
        Assert.Equal(ContentWorkflowRules.OwnWork, ContentWorkflowRules.ApprovalRefusal(InReview(Supervisor.UserId), Supervisor with { IsEditor = true }, NoEditors));

    [Fact]
    public void A_different_editor_may_approve() =>
        Assert.Null(ContentWorkflowRules.ApprovalRefusal(InReview(), OtherEditor, NoEditors));

    [Fact]
    public void A_supervisor_may_approve() =>
        Assert.Null(ContentWorkflowRules.ApprovalRefusal(InReview(), Supervisor, NoEditors));

    [Fact]
    public void Other_staff_may_not_approve() =>
        Assert.Equal(ContentWorkflowRules.NotAllowed, ContentWorkflowRules.ApprovalRefusal(InReview(), Agent, NoEditors));

    [Fact]
    public void An_editor_of_an_earlier_version_under_review_cannot_approve_it_either() =>
        Assert.Equal(ContentWorkflowRules.OwnWork, ContentWorkflowRules.ApprovalRefusal(InReview(), OtherEditor, new HashSet<string> { Author.UserId, OtherEditor.UserId }));

    [Fact]
    public void Everyone_who_changed_the_text_since_it_was_last_approved_wrote_the_version_under_review()
    {
        ContentVersionStep[] history =
        [
            new(1, ContentVersions.Created, "a"),
            new(2, ContentVersions.Submitted, "a"),
            new(3, ContentVersions.Approved, "b"),
            new(4, ContentVersions.Published, "b"),
            new(5, ContentVersions.Saved, "c"),
            new(6, ContentVersions.Restored, "d"),
            new(7, ContentVersions.KeptOverShipped, "e"),
            new(8, ContentVersions.TookShipped, "f"),
            new(9, ContentVersions.Submitted, "g"),
            new(10, ContentVersions.SentBack, "h"),
            new(11, ContentVersions.Saved, "c"),
            new(12, ContentVersions.Submitted, "c"),
        ];

        Assert.Equal(["c", "d", "f"], ContentWorkflowRules.EditorsUnderReview(history.Reverse()).Order());
    }

    [Fact]
    public void A_shipped_file_counts_as_settled_text()
    {
        ContentVersionStep[] history = [new(1, ContentVersions.Imported, null), new(2, ContentVersions.Saved, "a"), new(3, ContentVersions.Imported, null), new(4, ContentVersions.Saved, "b")];

        Assert.Equal(["b"], ContentWorkflowRules.EditorsUnderReview(history));
    }

    [Theory]
    [InlineData(ContentStatus.Draft)]
    [InlineData(ContentStatus.Published)]
    [InlineData(ContentStatus.Unpublished)]
    public void Only_items_in_review_can_be_approved(ContentStatus status) =>
        Assert.Equal(ContentWorkflowRules.WrongStatus, ContentWorkflowRules.ApprovalRefusal(new ContentItem { Status = status, AuthorId = Author.UserId }, OtherEditor, NoEditors));

    [Theory]
    [InlineData(ContentStatus.Draft, true)]
    [InlineData(ContentStatus.Unpublished, true)]
    [InlineData(ContentStatus.InReview, false)]
    [InlineData(ContentStatus.Published, false)]
    public void Drafts_and_unpublished_items_can_be_submitted(ContentStatus status, bool allowed) =>
        Assert.Equal(allowed, ContentWorkflowRules.SubmitRefusal(new ContentItem { Status = status }, Author) is null);

    [Theory]
    [InlineData(ContentStatus.Draft, true)]
    [InlineData(ContentStatus.Published, true)]
    [InlineData(ContentStatus.Scheduled, true)]
    [InlineData(ContentStatus.Unpublished, true)]
    [InlineData(ContentStatus.InReview, false)]
    public void Text_under_review_is_frozen(ContentStatus status, bool editable) =>
        Assert.Equal(editable, ContentWorkflowRules.EditRefusal(new ContentItem { Status = status }, OtherEditor) is null);

    [Fact]
    public void Only_editors_change_text() =>
        Assert.Equal(ContentWorkflowRules.NotAllowed, ContentWorkflowRules.EditRefusal(new ContentItem { Status = ContentStatus.Draft }, Supervisor));

    [Fact]
    public void A_supervisor_cannot_submit_text_for_review() =>
        Assert.Equal(ContentWorkflowRules.NotAllowed, ContentWorkflowRules.SubmitRefusal(new ContentItem { Status = ContentStatus.Draft }, Supervisor));

    [Fact]
    public void Approval_with_a_future_time_schedules_and_otherwise_publishes()
    {
        var now = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(ContentStatus.Scheduled, ContentWorkflowRules.StatusAfterApproval(now.AddHours(1), now));
        Assert.Equal(ContentStatus.Published, ContentWorkflowRules.StatusAfterApproval(now.AddHours(-1), now));
        Assert.Equal(ContentStatus.Published, ContentWorkflowRules.StatusAfterApproval(null, now));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "image/gif")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "image/webp")]
    [InlineData(new byte[] { (byte)'<', (byte)'s', (byte)'v', (byte)'g' }, null)]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' }, null)]
    public void Images_are_recognised_by_their_bytes(byte[] data, string? type) =>
        Assert.Equal(type, ImageSniffer.Detect(data));

    private static ContentItem InReview(string? authorId = null) =>
        new() { Status = ContentStatus.InReview, AuthorId = authorId ?? Author.UserId };
}
