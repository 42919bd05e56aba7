using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Statements;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.IntegrationTests.LiveUpdates;

public sealed record TestChange(string Key, int Value);

/// <summary>Two instances on one database and one Redis: a change published on one reaches subscribers on both, once each.</summary>
public sealed class RedisEventBusTests(RedisPortalApp app) : IClassFixture<RedisPortalApp>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_event_published_on_one_instance_reaches_the_other_once_and_stops_after_dispose()
    {
        var second = await app.SecondInstanceAsync();
        try
        {
            await AssertDeliveredOnBothAsync(Notifier(app), Notifier(second));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    [Fact]
    public async Task An_admin_on_the_other_instance_follows_a_month_end_run_to_its_end()
    {
        var second = await app.SecondInstanceAsync();
        try
        {
            var month = app.Services.GetRequiredService<StatementCalendar>().LastClosedMonth.AddMonths(-3);
            var finished = new TaskCompletionSource<MonthEndProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (second.Services.GetRequiredService<MonthEndUpdates>().Subscribe(p =>
            {
                if (p.Month == month && p.Finished)
                {
                    finished.TrySetResult(p);
                }

                return Task.CompletedTask;
            }))
            {
                var request = await app.Services.GetRequiredService<MonthEndRunner>().RequestAsync(TestActors.Admin, month);
                var done = await request.Job.Completion.WaitAsync(TimeSpan.FromMinutes(2));

                Assert.Equal(done, await finished.Task.WaitAsync(s_wait));
            }
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    private static async Task AssertDeliveredOnBothAsync(LiveNotifier<TestChange> onFirst, LiveNotifier<TestChange> onSecond)
    {
        var seenOnFirst = new Received();
        var seenOnSecond = new Received();
        var key = Guid.NewGuid().ToString("N");

        using (onFirst.Subscribe(key, seenOnFirst.AddAsync))
        {
            using (onSecond.Subscribe(key, seenOnSecond.AddAsync))
            {
                await onFirst.NotifyAsync(key, new TestChange(key, 1));
                await onSecond.NotifyAsync(key, new TestChange(key, 2));

                Assert.Equal([1, 2], await seenOnSecond.WaitForAsync(2, s_wait));
                Assert.Equal([1, 2], await seenOnFirst.WaitForAsync(2, s_wait));
            }

            // Another key is not delivered to this subscription.
            await onSecond.NotifyAsync("other-" + key, new TestChange(key, 3));
            await onSecond.NotifyAsync(key, new TestChange(key, 4));
            Assert.Equal([1, 2, 4], await seenOnFirst.WaitForAsync(3, s_wait));
        }

        await onSecond.NotifyAsync(key, new TestChange(key, 5));
        await Task.Delay(300);
        Assert.Equal([1, 2, 4], seenOnFirst.Values);
        Assert.Equal([1, 2], seenOnSecond.Values);
    }

    private static LiveNotifier<TestChange> Notifier(PortalApp instance) =>
        new(instance.Services.GetRequiredService<IEventBus>(), "test");

    internal sealed class Received
    {
        private readonly List<int> _values = [];

        public List<int> Values
        {
            get
            {
                lock (_values)
                {
                    return [.. _values];
                }
            }
        }

        public Task AddAsync(TestChange change)
        {
            lock (_values)
            {
                _values.Add(change.Value);
            }

            return Task.CompletedTask;
        }

        public async Task<List<int>> WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Values.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            return Values;
        }
    }
}

/// <summary>One instance without Redis: the in-memory bus; a failing handler does not keep the event from the others.</summary>
public sealed class InMemoryEventBusTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var notifier = new LiveNotifier<TestChange>(app.Services.GetRequiredService<IEventBus>(), "test");
        var seen = new RedisEventBusTests.Received();
        using var failing = notifier.Subscribe("k", _ => throw new InvalidOperationException("handler bug"));
        using var working = notifier.Subscribe("k", seen.AddAsync);

        await notifier.NotifyAsync("k", new TestChange("k", 7));

        Assert.Equal([7], await seen.WaitForAsync(1, TimeSpan.FromSeconds(5)));
    }
}
