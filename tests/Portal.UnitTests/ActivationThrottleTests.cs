using Microsoft.Extensions.Time.Testing;
using Portal.Web.Features.Accounts;

namespace Portal.UnitTests;

public sealed class ActivationThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Fewer_failures_than_the_limit_do_not_block()
    {
        var throttle = new ActivationThrottle(_clock);

        Fail(throttle, ActivationThrottle.MaxFailures - 1, "ip:1.2.3.4");

        Assert.False(throttle.IsBlocked("ip:1.2.3.4"));
    }

    [Fact]
    public void Reaching_the_limit_blocks_that_key_only()
    {
        var throttle = new ActivationThrottle(_clock);

        Fail(throttle, ActivationThrottle.MaxFailures, "ip:1.2.3.4");

        Assert.True(throttle.IsBlocked("ip:1.2.3.4"));
        Assert.False(throttle.IsBlocked("ip:5.6.7.8"));
    }

    [Fact]
    public void A_request_is_blocked_when_any_of_its_keys_is()
    {
        var throttle = new ActivationThrottle(_clock);

        Fail(throttle, ActivationThrottle.MaxFailures, "account:880100000007");

        Assert.True(throttle.IsBlocked("ip:9.9.9.9", "account:880100000007"));
    }

    [Fact]
    public void One_failure_counts_against_every_key_it_names()
    {
        var throttle = new ActivationThrottle(_clock);

        Fail(throttle, ActivationThrottle.MaxFailures, "ip:1.2.3.4", "account:880100000007");

        Assert.True(throttle.IsBlocked("account:880100000007"));
        Assert.True(throttle.IsBlocked("ip:1.2.3.4"));
    }

    [Fact]
    public void Failures_older_than_the_window_no_longer_count()
    {
        var throttle = new ActivationThrottle(_clock);
        Fail(throttle, ActivationThrottle.MaxFailures, "ip:1.2.3.4");

        _clock.Advance(ActivationThrottle.Window - TimeSpan.FromSeconds(1));
        Assert.True(throttle.IsBlocked("ip:1.2.3.4"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsBlocked("ip:1.2.3.4"));
    }

    [Fact]
    public void The_window_slides_failure_by_failure()
    {
        var throttle = new ActivationThrottle(_clock);
        Fail(throttle, 1, "ip:1.2.3.4");
        _clock.Advance(TimeSpan.FromMinutes(10));
        Fail(throttle, ActivationThrottle.MaxFailures - 1, "ip:1.2.3.4");
        Assert.True(throttle.IsBlocked("ip:1.2.3.4"));

        // The first failure leaves the window; four remain.
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(throttle.IsBlocked("ip:1.2.3.4"));
    }

    private static void Fail(ActivationThrottle throttle, int times, params string[] keys)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(keys);
        }
    }
}
