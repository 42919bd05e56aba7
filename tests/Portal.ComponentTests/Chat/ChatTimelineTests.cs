using Portal.Web.Features.Chat;
using Portal.Web.Features.Chat.Ui;

namespace Portal.ComponentTests.Chat;

public sealed class ChatTimelineTests
{
    private static ChatMessage Message(long sequence) =>
        new("c1", sequence, $"id-{sequence}", ChatParty.Agent, "王芳", $"message {sequence}", DateTimeOffset.UnixEpoch.AddSeconds(sequence));

    [Fact]
    public void Messages_arriving_twice_and_out_of_order_are_held_once_in_sequence_order()
    {
        var timeline = new ChatTimeline();

        Assert.True(timeline.Merge([Message(1), Message(3)]));
        Assert.True(timeline.Merge(Message(2)));
        Assert.False(timeline.Merge([Message(3), Message(1)]));
        Assert.True(timeline.Merge([Message(2), Message(4)]));

        Assert.Equal([1L, 2, 3, 4], timeline.Messages.Select(m => m.Sequence));
        Assert.Equal(4, timeline.LastSequence);
    }

    [Theory]
    [InlineData(0, "Chat.Wait.UnderAMinute", 0)]
    [InlineData(59, "Chat.Wait.UnderAMinute", 0)]
    [InlineData(60, "Chat.Wait.AboutMinutes", 1)]
    [InlineData(149, "Chat.Wait.AboutMinutes", 2)]
    [InlineData(150, "Chat.Wait.AboutMinutes", 3)]
    [InlineData(1_800, "Chat.Wait.AboutMinutes", 30)]
    public void A_wait_is_said_in_whole_minutes(int seconds, string key, int minutes)
    {
        Assert.Equal((key, minutes), WaitEstimate.Describe(seconds));
    }

    [Fact]
    public void A_retry_of_the_same_text_keeps_its_client_message_id_until_acknowledged()
    {
        var outgoing = new OutgoingMessage();

        var first = outgoing.IdFor("hello");
        Assert.Equal(first, outgoing.IdFor("hello"));
        Assert.NotEqual(first, outgoing.IdFor("hello, edited"));

        var edited = outgoing.ClientMessageId;
        outgoing.Acknowledge();
        Assert.NotEqual(edited, outgoing.IdFor("hello, edited"));
    }

    [Fact]
    public void Typing_is_sent_at_most_once_every_three_seconds()
    {
        var clock = new ManualClock();
        var throttle = new TypingThrottle(clock, TypingThrottle.DefaultInterval);

        Assert.True(throttle.ShouldSend());
        clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(throttle.ShouldSend());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(throttle.ShouldSend());
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
