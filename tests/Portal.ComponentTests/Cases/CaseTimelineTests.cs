using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Cases.Ui;

namespace Portal.ComponentTests.Cases;

public sealed class CaseTimelineTests : PortalComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 1, 30, 0, TimeSpan.Zero);

    public CaseTimelineTests() => Services.AddSingleton<UserTimeZone>();

    private static CaseTimelineItem Item(long id, CaseTimelineKind kind, string actor, string? text, bool byClient = false, IReadOnlyList<CaseAttachmentInfo>? files = null) =>
        new(id, kind, actor, byClient, text, null, null, At.AddMinutes(id), files ?? []);

    private IRenderedComponent<CaseTimeline> Render(IReadOnlyList<CaseTimelineItem> items, bool forClient = false) =>
        Render<CaseTimeline>(p => p.Add(t => t.Reference, "C-20261202-0001").Add(t => t.Items, items).Add(t => t.ForClient, forClient));

    [Fact]
    public void An_internal_note_is_set_apart_and_says_the_client_never_sees_it()
    {
        var timeline = Render([
            Item(1, CaseTimelineKind.PublicReply, "王芳", "We are checking your order."),
            Item(2, CaseTimelineKind.InternalNote, "王芳", "Client called twice; escalate if the bank says no."),
        ]);

        var items = timeline.FindAll("[data-testid=timeline-item]");
        Assert.DoesNotContain("case-internal", items[0].ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("the client never sees this", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("case-internal", items[1].ClassName, StringComparison.Ordinal);
        Assert.Contains("Internal — the client never sees this", items[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_are_shown_as_text_never_as_html()
    {
        var timeline = Render([Item(1, CaseTimelineKind.PublicReply, "<b>Agent</b>", "<script>alert(1)</script><img src=x onerror=alert(2)>")]);

        var text = timeline.Find(".case-timeline-text");
        Assert.Equal("<script>alert(1)</script><img src=x onerror=alert(2)>", text.TextContent);
        Assert.Empty(timeline.FindAll(".case-timeline-item script, .case-timeline-item img, .case-timeline-meta b"));
        Assert.Contains("&lt;script&gt;", timeline.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachments_are_download_links_and_the_clients_own_entries_read_you()
    {
        var timeline = Render(
            [Item(1, CaseTimelineKind.PublicReply, "陈建华", "Here is the receipt.", byClient: true, files: [new(7, "receipt.pdf", "application/pdf", 2048)])],
            forClient: true);

        var link = timeline.Find(".case-timeline-item a");
        Assert.Equal("/cases/C-20261202-0001/attachments/7", link.GetAttribute("href"));
        Assert.Equal("Download receipt.pdf", link.TextContent);
        Assert.Equal("You", timeline.Find(".case-timeline-meta strong").TextContent);
    }

    [Fact]
    public void A_status_change_names_both_statuses()
    {
        var timeline = Render([new(1, CaseTimelineKind.StatusChanged, "王芳", false, null, CaseStatus.Open, CaseStatus.WaitingOnClient, At, [])]);

        Assert.Contains("changed the status from Open to Waiting for you", timeline.Find(".case-timeline-meta").TextContent, StringComparison.Ordinal);
    }
}
