using IntegrifyBot.Notifications;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Features.Notifications;

/// <summary>The proactive-message throttle against Teams' published limits, on a hand-moved clock.</summary>
public sealed class SendThrottleTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly SendThrottle throttle;

    public SendThrottleTests() => throttle = new SendThrottle(Options.Create(new NotificationsOptions()), clock);

    [Fact]
    public void A_tenant_gets_thirty_messages_a_second_across_its_conversations()
    {
        var taken = Enumerable.Range(0, 30).Select(i => throttle.TryTake("tenant-1", $"a:user-{i}")).ToList();
        var thirtyFirst = throttle.TryTake("tenant-1", "a:user-30");
        var otherTenant = throttle.TryTake("tenant-2", "a:user-30");

        Assert.All(taken, wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(TimeSpan.FromSeconds(1), thirtyFirst);
        Assert.Equal(TimeSpan.Zero, otherTenant);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("tenant-1", "a:user-30"));
    }

    [Fact]
    public void A_conversation_gets_seven_a_second_and_sixty_in_thirty_seconds()
    {
        var sent = 0;
        var waits = new List<TimeSpan>();
        while (sent < 61)
        {
            var wait = throttle.TryTake("tenant-1", "a:alex");
            if (wait == TimeSpan.Zero)
            {
                sent++;
            }
            else
            {
                waits.Add(wait);
                clock.Advance(wait);
            }
        }

        // Sixty fit in the first 30 seconds at seven a second; the sixty-first waits for the first to leave the window.
        Assert.Equal(TimeSpan.FromSeconds(1), waits[0]);
        Assert.True(clock.GetUtcNow() >= new DateTimeOffset(2026, 11, 28, 9, 0, 30, TimeSpan.Zero), $"the 61st went at {clock.GetUtcNow():HH:mm:ss.fff}");
    }

    [Fact]
    public void A_429_pauses_the_tenant_until_its_retry_after()
    {
        throttle.Pause("tenant-1", clock.GetUtcNow().AddSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), throttle.TryTake("tenant-1", "a:alex"));
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("tenant-2", "a:alex"));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("tenant-1", "a:alex"));
    }

    [Fact]
    public void A_tenant_taken_over_keeps_the_pause_and_the_lower_limit_another_instance_learned()
    {
        throttle.Adopt("tenant-1", clock.GetUtcNow().AddSeconds(2), learnedLimit: 5);
        throttle.Adopt("tenant-2", clock.GetUtcNow() - SendThrottle.LearnedLimitLifetime - TimeSpan.FromSeconds(1), learnedLimit: 1);

        Assert.Equal(TimeSpan.FromSeconds(2), throttle.TryTake("tenant-1", "a:alex"));
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("tenant-2", "a:alex"));

        // After the pause, five a second for a while, not thirty; what is long past teaches nothing.
        clock.Advance(TimeSpan.FromSeconds(2));
        var taken = Enumerable.Range(0, 6).Select(i => throttle.TryTake("tenant-1", $"a:user-{i}")).ToList();
        Assert.Equal(5, taken.Count(wait => wait == TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("tenant-2", "a:megan"));
    }

    [Fact]
    public void A_long_mixed_run_never_exceeds_any_limit_in_any_window()
    {
        // Most messages go to many people; a few people get many. Like a sender, the run sends the
        // first waiting message that may go now, and waits only when none may.
        var random = new Random(7);
        var waiting = Enumerable.Range(0, 2000)
            .Select(_ => random.NextDouble() < 0.05 ? $"a:busy-{random.Next(3)}" : $"a:user-{random.Next(500)}")
            .ToList();
        var sends = new List<(DateTimeOffset At, string Conversation)>();
        while (waiting.Count > 0)
        {
            var shortest = TimeSpan.MaxValue;
            var sentOne = false;
            for (var i = 0; i < waiting.Count && !sentOne; i++)
            {
                var wait = throttle.TryTake("tenant-1", waiting[i]);
                if (wait == TimeSpan.Zero)
                {
                    sends.Add((clock.GetUtcNow(), waiting[i]));
                    waiting.RemoveAt(i);
                    sentOne = true;
                }
                else if (wait < shortest)
                {
                    shortest = wait;
                }
            }

            if (!sentOne)
            {
                clock.Advance(shortest);
            }
        }

        foreach (var (at, _) in sends)
        {
            Assert.True(sends.Count(send => send.At > at - TimeSpan.FromSeconds(1) && send.At <= at) <= 30, $"more than 30 in the second before {at:HH:mm:ss.fff}");
        }

        foreach (var group in sends.GroupBy(send => send.Conversation))
        {
            foreach (var (at, _) in group)
            {
                Assert.True(group.Count(send => send.At > at - TimeSpan.FromSeconds(1) && send.At <= at) <= 7, $"{group.Key}: more than 7 in a second");
                Assert.True(group.Count(send => send.At > at - TimeSpan.FromSeconds(30) && send.At <= at) <= 60, $"{group.Key}: more than 60 in 30 seconds");
            }
        }

        // Close to the tenant's limit: the run took little longer than 2000 / 30 seconds.
        var seconds = (sends[^1].At - sends[0].At).TotalSeconds;
        Assert.True(seconds < 2000 / 30.0 * 1.1, $"{seconds:F1} s for 2000 messages");
    }

    [Fact]
    public void A_message_counts_from_when_teams_answered_it_so_network_delays_cannot_break_a_window()
    {
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(TimeSpan.Zero, throttle.TryTake("tenant-1", $"a:user-{i}")));
        clock.Advance(TimeSpan.FromMilliseconds(400));
        foreach (var i in Enumerable.Range(0, 30))
        {
            throttle.Answered("tenant-1", $"a:user-{i}");
        }

        clock.Advance(TimeSpan.FromMilliseconds(700));

        // A second after the slots were taken, but not after the answers: Teams may have counted them that late.
        Assert.Equal(TimeSpan.FromMilliseconds(300), throttle.TryTake("tenant-1", "a:user-30"));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(TimeSpan.Zero, throttle.TryTake("tenant-1", "a:user-30"));
    }

    [Fact]
    public void After_a_429_the_tenant_gets_what_teams_took_in_the_second_before_it_for_a_while()
    {
        var generous = new SendThrottle(Options.Create(new NotificationsOptions { TenantMessagesPerSecond = 1000 }), clock);
        var sent = 0;
        void Send(bool refused)
        {
            var conversation = $"a:user-{sent++}";
            Assert.Equal(TimeSpan.Zero, generous.TryTake("tenant-1", conversation));
            generous.Answered("tenant-1", conversation);
            if (refused)
            {
                generous.Pause("tenant-1", clock.GetUtcNow().AddSeconds(1));
            }
        }

        foreach (var _ in Enumerable.Range(0, 20))
        {
            Send(refused: false);
        }

        var onItsWay = "a:on-its-way";
        Assert.Equal(TimeSpan.Zero, generous.TryTake("tenant-1", onItsWay));
        Send(refused: true);
        generous.Answered("tenant-1", onItsWay);
        generous.Pause("tenant-1", clock.GetUtcNow().AddSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        // Teams took 20 before refusing: the tenant gets one fewer, in case the bot's second held one
        // Teams did not count in its own; the message already on its way when it refused teaches nothing more.
        Assert.All(Enumerable.Range(0, 19), i => Assert.Equal(TimeSpan.Zero, generous.TryTake("tenant-1", $"a:next-{i}")));
        Assert.True(generous.TryTake("tenant-1", "a:next-19") > TimeSpan.Zero, "The 20th in a second waits.");
        Assert.Equal(TimeSpan.Zero, generous.TryTake("tenant-2", "a:elsewhere"));

        clock.Advance(SendThrottle.LearnedLimitLifetime);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(TimeSpan.Zero, generous.TryTake("tenant-1", $"a:later-{i}")));
    }
}
