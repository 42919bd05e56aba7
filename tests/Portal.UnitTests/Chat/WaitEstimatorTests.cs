using Portal.Web.Features.Chat.Routing;

namespace Portal.UnitTests.Chat;

public sealed class WaitEstimatorTests
{
    [Fact]
    public void A_chat_with_a_free_place_waits_nothing()
    {
        Assert.Equal(0, WaitEstimator.EstimateSeconds(position: 2, [300, 300], freePlaces: 2, totalCapacity: 6));
    }

    [Fact]
    public void Chats_beyond_the_free_places_wait_for_places_to_come_free()
    {
        // 3 ahead of the free places, 6 places turning over every 240 s: 3 × 240 / 6 = 120 s.
        Assert.Equal(120, WaitEstimator.EstimateSeconds(position: 3, [200, 280], freePlaces: 0, totalCapacity: 6));
    }

    [Fact]
    public void More_agents_online_shorten_the_wait()
    {
        var few = WaitEstimator.EstimateSeconds(5, [300], 0, 3);
        var many = WaitEstimator.EstimateSeconds(5, [300], 0, 9);

        Assert.True(many < few, $"{many} should be less than {few}");
    }

    [Fact]
    public void Without_recent_history_a_chat_takes_the_default_handling_time()
    {
        Assert.Equal(WaitEstimator.DefaultHandlingSeconds, WaitEstimator.EstimateSeconds(1, [], 0, 1));
    }

    [Fact]
    public void Nobody_online_is_estimated_as_one_place_turning_over()
    {
        Assert.Equal(600, WaitEstimator.EstimateSeconds(2, [300], 0, 0));
    }

    [Fact]
    public void Only_the_recent_chats_count()
    {
        var history = Enumerable.Repeat(100.0, WaitEstimator.RecentChats).Concat(Enumerable.Repeat(10_000.0, 20)).ToList();

        Assert.Equal(100, WaitEstimator.AverageHandlingSeconds(history));
    }

    [Fact]
    public void A_position_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WaitEstimator.EstimateSeconds(0, [], 0, 1));
    }
}
