using Portal.Web.Features.Accounts;
using Portal.Web.Features.Chat.Routing;

namespace Portal.UnitTests.Chat;

public sealed class QueueOrderTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private static QueuedChat Chat(string id, ClientTier tier, int minutesAfterNine) => new(id, tier, Nine.AddMinutes(minutesAfterNine));

    [Fact]
    public void Diamond_comes_before_gold_before_silver_whatever_the_wait()
    {
        var order = QueueOrder.Sort([Chat("s", ClientTier.Silver, 0), Chat("g", ClientTier.Gold, 5), Chat("d", ClientTier.Diamond, 10)]);

        Assert.Equal(["d", "g", "s"], order.Select(c => c.ConversationId));
    }

    [Fact]
    public void Within_a_tier_the_longest_waiting_comes_first()
    {
        var order = QueueOrder.Sort([Chat("late", ClientTier.Gold, 9), Chat("early", ClientTier.Gold, 1), Chat("middle", ClientTier.Gold, 4)]);

        Assert.Equal(["early", "middle", "late"], order.Select(c => c.ConversationId));
    }

    [Fact]
    public void Ties_keep_the_order_they_came_in()
    {
        var order = QueueOrder.Sort([Chat("b", ClientTier.Silver, 3), Chat("a", ClientTier.Silver, 3), Chat("c", ClientTier.Silver, 3)]);

        Assert.Equal(["b", "a", "c"], order.Select(c => c.ConversationId));
    }

    [Fact]
    public void A_mixed_queue_sorts_by_tier_then_wait()
    {
        var order = QueueOrder.Sort(
        [
            Chat("s1", ClientTier.Silver, 0), Chat("d2", ClientTier.Diamond, 8), Chat("g1", ClientTier.Gold, 2),
            Chat("d1", ClientTier.Diamond, 6), Chat("s2", ClientTier.Silver, 1), Chat("g2", ClientTier.Gold, 3),
        ]);

        Assert.Equal(["d1", "d2", "g1", "g2", "s1", "s2"], order.Select(c => c.ConversationId));
    }

    [Fact]
    public void An_empty_queue_stays_empty()
    {
        Assert.Empty(QueueOrder.Sort([]));
    }
}
