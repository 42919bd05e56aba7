using Portal.Web.Features.Chat.Ui;

namespace Portal.ComponentTests.Chat;

public sealed class ChatLinksTests
{
    [Fact]
    public void Plain_text_is_one_plain_run()
    {
        Assert.Equal([new TextRun("No address here, <b>just</b> text.", false)], ChatLinks.Split("No address here, <b>just</b> text."));
    }

    [Fact]
    public void An_address_in_a_sentence_becomes_a_link_without_the_full_stop()
    {
        Assert.Equal(
            [new TextRun("See ", false), new TextRun("https://portal.example/faq/fees?tab=2", true), new TextRun(".", false)],
            ChatLinks.Split("See https://portal.example/faq/fees?tab=2."));
    }

    [Fact]
    public void Several_addresses_and_chinese_punctuation()
    {
        Assert.Equal(
            [
                new TextRun("请看 ", false), new TextRun("http://a.example/x", true), new TextRun("，以及 ", false),
                new TextRun("https://b.example", true), new TextRun("。", false),
            ],
            ChatLinks.Split("请看 http://a.example/x，以及 https://b.example。"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/a")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("www.example.com")]
    [InlineData("https://")]
    public void Only_http_and_https_addresses_become_links(string text)
    {
        Assert.All(ChatLinks.Split(text), run => Assert.False(run.IsLink));
        Assert.Equal(text, string.Concat(ChatLinks.Split(text).Select(r => r.Text)));
    }

    [Fact]
    public void An_address_stops_at_markup_characters()
    {
        Assert.Equal(
            [new TextRun("https://a.example/x", true), new TextRun("\"><script>alert(1)</script>", false)],
            ChatLinks.Split("https://a.example/x\"><script>alert(1)</script>"));
    }
}
