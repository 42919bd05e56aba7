using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Ui;

namespace Portal.ComponentTests.Chat;

public sealed class ChatComposerTests : PortalComponentTest
{
    private static readonly CannedResponse[] Canned =
    [
        new(1, "fees", "Fees", "Our fees are listed at https://portal.example/faq/fees.", "en", 1),
        new(2, "fees", "费用", "费用说明请见 https://portal.example/faq/fees。", "zh-Hans", 1),
        new(3, "hello", "Hello", "Hello, how can I help?", "en", 1),
    ];

    private readonly List<(string Id, string Text)> _sent = [];
    private Func<string, string, Task>? _send;

    public ChatComposerTests() => Services.AddSingleton(TimeProvider.System);

    private IRenderedComponent<ChatComposer> Render(IReadOnlyList<CannedResponse>? canned = null) =>
        Render<ChatComposer>(p => p
            .Add(c => c.Send, (id, text) => _send?.Invoke(id, text) ?? Record(id, text))
            .Add(c => c.CannedResponses, canned));

    private Task Record(string id, string text)
    {
        _sent.Add((id, text));
        return Task.CompletedTask;
    }

    [Fact]
    public void Enter_sends_the_text_and_empties_the_line()
    {
        var composer = Render();

        composer.Find("input").Input("  Hello there ");
        composer.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        var (id, text) = Assert.Single(_sent);
        Assert.Equal("Hello there", text);
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("", composer.Find("input").GetAttribute("value") ?? "");
    }

    [Fact]
    public void An_empty_line_is_not_sent_and_says_why()
    {
        var composer = Render();

        composer.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Empty(_sent);
        Assert.Contains("Write a message first.", composer.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_send_keeps_the_text_and_its_id_so_the_retry_is_the_same_message()
    {
        var refuse = true;
        _send = (id, text) =>
        {
            _sent.Add((id, text));
            return refuse ? throw new ChatException(ChatErrors.RateLimited, "slow down") : Task.CompletedTask;
        };
        var composer = Render();

        composer.Find("input").Input("Is my order through?");
        composer.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Contains("You are sending too fast.", composer.Markup, StringComparison.Ordinal);
        Assert.Equal("Is my order through?", composer.Find("input").GetAttribute("value"));

        refuse = false;
        composer.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(2, _sent.Count);
        Assert.Equal(_sent[0], _sent[1]);
    }

    [Fact]
    public void A_slash_lists_the_canned_responses_by_shortcut_and_enter_inserts_the_chosen_one()
    {
        var composer = Render(Canned);

        composer.Find("input").Input("/fe");
        var options = composer.FindAll("[role=option]");
        Assert.Equal(2, options.Count);
        Assert.All(options, o => Assert.StartsWith("/fees", o.TextContent, StringComparison.Ordinal));

        composer.Find("input").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal("true", composer.FindAll("[role=option]")[1].GetAttribute("aria-selected"));
        composer.Find("input").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Empty(_sent);
        Assert.Equal("费用说明请见 https://portal.example/faq/fees。", composer.Find("input").GetAttribute("value"));
        Assert.Empty(composer.FindAll("[role=listbox]"));
    }

    [Fact]
    public void Investors_get_no_canned_responses()
    {
        var composer = Render();

        composer.Find("input").Input("/fees");

        Assert.Empty(composer.FindAll("[role=listbox]"));
    }
}
