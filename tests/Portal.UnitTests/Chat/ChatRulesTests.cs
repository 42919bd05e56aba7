using Microsoft.Extensions.Time.Testing;
using Portal.Web.Features.Chat;

namespace Portal.UnitTests.Chat;

public sealed class ChatRulesTests
{
    [Fact]
    public void The_rate_limiter_allows_a_burst_of_ten_then_refuses_until_time_refills_it()
    {
        var clock = new FakeTimeProvider();
        var limiter = new MessageRateLimiter(clock);

        var burst = Enumerable.Range(0, 12).Select(_ => limiter.TryTake()).ToList();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var afterOneFifth = limiter.TryTake();
        var straightAfter = limiter.TryTake();
        clock.Advance(TimeSpan.FromSeconds(10));
        var refilled = Enumerable.Range(0, 11).Count(_ => limiter.TryTake());

        Assert.Equal(10, burst.Count(ok => ok));
        Assert.False(burst[10]);
        Assert.True(afterOneFifth);
        Assert.False(straightAfter);
        Assert.Equal(MessageRateLimiter.Burst, refilled);
    }

    [Fact]
    public void A_refused_message_is_rate_limited()
    {
        var limiter = new MessageRateLimiter(new FakeTimeProvider());
        for (var i = 0; i < MessageRateLimiter.Burst; i++)
        {
            limiter.Take();
        }

        Assert.Equal(ChatErrors.RateLimited, Assert.Throws<ChatException>(limiter.Take).Code);
    }

    [Fact]
    public void The_default_chat_settings_are_valid_and_the_documented_ones()
    {
        var defaults = new ChatSetting().Default;

        Assert.Empty(defaults.Validate());
        Assert.Equal(new ChatSettings(RoutingMode.Pick, 30, 60, 3, 60, 5, 10), defaults);
    }

    [Fact]
    public void Settings_out_of_range_name_their_field()
    {
        var errors = new ChatSettings(OfferTimeoutSeconds: 0, DefaultCapacity: 11, IdleWarningMinutes: 10, IdleCloseMinutes: 10).Validate();

        Assert.Equal(["offerTimeoutSeconds", "defaultCapacity", "idleCloseMinutes"], errors.Select(e => e.Field));
        Assert.Equal(ChatSettings.RangeError, errors[0].Text);
        Assert.Equal(["1", "600"], errors[0].Arguments);
        Assert.Equal(ChatSettings.IdleOrderError, errors[2].Text);
    }

    [Fact]
    public void A_settings_change_reads_as_before_and_after()
    {
        var before = new ChatSettings();
        var after = before with { RoutingMode = RoutingMode.AutoAssign, OfferTimeoutSeconds = 45 };

        Assert.Equal("routing: Pick → AutoAssign; offerTimeoutSeconds: 30 → 45", new ChatSetting().DescribeChange(before, after));
        Assert.Equal("no change", new ChatSetting().DescribeChange(before, before));
    }
}
