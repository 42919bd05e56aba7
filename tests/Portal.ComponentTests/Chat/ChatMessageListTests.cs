using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Ui;

namespace Portal.ComponentTests.Chat;

public sealed class ChatMessageListTests : PortalComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 1, 30, 0, TimeSpan.Zero);

    public ChatMessageListTests() => Services.AddSingleton<UserTimeZone>();

    private static ChatMessage Message(long sequence, ChatParty sender, string text) =>
        new("c1", sequence, $"id-{sequence}", sender, sender == ChatParty.Agent ? "王芳" : "陈建华", text, At.AddMinutes(sequence));

    private IRenderedComponent<ChatMessageList> Render(IReadOnlyCollection<ChatMessage> messages, ChatParty? viewer = ChatParty.Investor, long readUpTo = 0, bool typing = false) =>
        Render<ChatMessageList>(p => p
            .Add(l => l.Messages, messages)
            .Add(l => l.Viewer, viewer)
            .Add(l => l.ReadUpTo, readUpTo)
            .Add(l => l.OtherTyping, typing)
            .Add(l => l.TypingName, "王芳"));

    [Fact]
    public void Markup_in_a_message_is_shown_as_text_never_as_html()
    {
        var list = Render([Message(1, ChatParty.Agent, "<script>alert(1)</script><b>bold</b><img src=x onerror=alert(2)>")]);

        var bubble = list.Find(".chat-bubble-text");
        Assert.Equal("<script>alert(1)</script><b>bold</b><img src=x onerror=alert(2)>", bubble.TextContent);
        Assert.Empty(bubble.QuerySelectorAll("script, b, img"));
        Assert.Contains("&lt;script&gt;", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_is_a_link_that_opens_apart_from_the_portal()
    {
        var list = Render([Message(1, ChatParty.Agent, "Fees: https://portal.example/faq/fees?a=1&b=<2>. Thanks")]);

        var link = Assert.Single(list.FindAll(".chat-bubble-text a"));
        Assert.Equal("https://portal.example/faq/fees?a=1&b=", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("Fees: https://portal.example/faq/fees?a=1&b=<2>. Thanks", list.Find(".chat-bubble-text").TextContent);
    }

    [Fact]
    public void Own_messages_show_delivered_then_read_ticks_and_theirs_none()
    {
        var list = Render(
            [Message(1, ChatParty.Investor, "first"), Message(2, ChatParty.Agent, "reply"), Message(3, ChatParty.Investor, "second")],
            readUpTo: 1);

        var bubbles = list.FindAll(".chat-bubble");
        Assert.Equal("✓✓ Read", Ticks(bubbles[0]));
        Assert.Null(bubbles[1].QuerySelector(".chat-ticks"));
        Assert.Equal("✓ Delivered", Ticks(bubbles[2]));
        Assert.Contains("chat-bubble-own", bubbles[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("chat-bubble-their", bubbles[1].ClassName, StringComparison.Ordinal);
        Assert.Equal("You", bubbles[0].QuerySelector(".chat-bubble-meta span")!.TextContent);
        Assert.Equal("王芳", bubbles[1].QuerySelector(".chat-bubble-meta span")!.TextContent);
        // 01:32 UTC is 09:32 in Shanghai, the portal's default zone.
        Assert.Equal("09:32", bubbles[1].QuerySelector("time")!.TextContent);
    }

    [Fact]
    public void A_supervisor_reading_along_sees_no_ticks_and_no_own_side()
    {
        var list = Render([Message(1, ChatParty.Investor, "hi"), Message(2, ChatParty.Agent, "hello")], viewer: null, readUpTo: 2);

        Assert.Empty(list.FindAll(".chat-ticks"));
        Assert.Empty(list.FindAll(".chat-bubble-own"));
    }

    [Fact]
    public void The_typing_indicator_names_the_other_side_in_the_reader_language()
    {
        Assert.Equal("王芳 is typing…", Render([], typing: true).Find(".chat-typing").TextContent);
        UseCulture("zh-Hans");
        Assert.Equal("王芳 正在输入…", Render([], typing: true).Find(".chat-typing").TextContent);
        Assert.Empty(Render([], typing: false).FindAll(".chat-typing"));
    }

    private static string Ticks(IElement bubble) =>
        string.Join(" ", bubble.QuerySelector(".chat-ticks")!.Children.Select(c => c.TextContent));
}
