using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Integrify.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace IntegrifyBot.UnitTests.Integrify;

/// <summary>
/// Whom an attempt that timed out is blamed on: Integrify ("isn't answering"), or the bot itself when
/// its own threads ran late meanwhile (a crowd on a small machine), which people are told as "busy".
/// The process's timers run on a fake clock here, and its CPU time is made up, so both are exact.
/// </summary>
public sealed class TimeoutBlameTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_timeout_while_the_process_kept_time_is_integrifys()
    {
        var clock = new FakeTimeProvider();
        using var load = Load(clock);
        OnTime(clock, TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => TimedOutCallAsync(load));
    }

    [Fact]
    public async Task A_timeout_while_the_process_ran_late_by_half_the_attempt_timeout_is_the_bot_being_busy()
    {
        var clock = new FakeTimeProvider();
        using var load = Load(clock);
        OnTime(clock, TimeSpan.FromSeconds(1));

        // Ticks due every 100 ms, the next one a second late (half of the shipped 2 s attempt timeout).
        clock.Advance(Tick + new IntegrifyOptions().AttemptTimeout / 2);

        await Assert.ThrowsAsync<IntegrifyBusyException>(() => TimedOutCallAsync(load));
    }

    [Fact]
    public async Task A_lag_shorter_than_half_the_attempt_timeout_excuses_nothing()
    {
        var clock = new FakeTimeProvider();
        using var load = Load(clock);
        clock.Advance(Tick + (new IntegrifyOptions().AttemptTimeout / 2) - TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => TimedOutCallAsync(load));
    }

    [Fact]
    public async Task A_lag_some_seconds_ago_no_longer_excuses_a_timeout_now()
    {
        var clock = new FakeTimeProvider();
        using var load = Load(clock);
        clock.Advance(Tick + TimeSpan.FromSeconds(3));
        OnTime(clock, TimeSpan.FromSeconds(6));

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => TimedOutCallAsync(load));
    }

    [Fact]
    public async Task A_timeout_while_the_process_kept_every_core_busy_is_the_bot_being_busy()
    {
        var process = new BusyProcess(cores: 2);

        // Ticks on time, but for a second the process used 1.9 of its 2 cores.
        process.Run(TimeSpan.FromSeconds(1), coresUsed: 1.9);

        await Assert.ThrowsAsync<IntegrifyBusyException>(() => TimedOutCallAsync(process.Load));
    }

    [Fact]
    public async Task A_process_using_most_but_not_all_of_its_cores_excuses_nothing()
    {
        var process = new BusyProcess(cores: 2);

        process.Run(TimeSpan.FromSeconds(3), coresUsed: 1.6);

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => TimedOutCallAsync(process.Load));
    }

    [Fact]
    public async Task A_busy_second_some_seconds_ago_no_longer_excuses_a_timeout_now()
    {
        var process = new BusyProcess(cores: 2);
        process.Run(TimeSpan.FromSeconds(1), coresUsed: 2);

        process.Run(TimeSpan.FromSeconds(6), coresUsed: 0);

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => TimedOutCallAsync(process.Load));
    }

    /// <summary>A process whose CPU time stays still: only its timer's lateness can excuse a timeout.</summary>
    private static IntegrifyCallLoad Load(FakeTimeProvider clock) => new(clock, () => TimeSpan.Zero, cores: 2);

    private static void OnTime(FakeTimeProvider clock, TimeSpan during)
    {
        for (var passed = TimeSpan.Zero; passed < during; passed += Tick)
        {
            clock.Advance(Tick);
        }
    }

    /// <summary>A process on a fake clock whose CPU time grows as the test says.</summary>
    private sealed class BusyProcess
    {
        private readonly FakeTimeProvider clock = new();
        private TimeSpan used;

        public BusyProcess(int cores) => Load = new IntegrifyCallLoad(clock, () => used, cores);

        public IntegrifyCallLoad Load { get; }

        /// <summary>Time passes, its timers on time, while the process keeps <paramref name="coresUsed"/> cores busy.</summary>
        public void Run(TimeSpan during, double coresUsed)
        {
            for (var passed = TimeSpan.Zero; passed < during; passed += Tick)
            {
                used += Tick * coresUsed;
                clock.Advance(Tick);
            }
        }
    }

    private static async Task TimedOutCallAsync(IntegrifyCallLoad load)
    {
        using var handler = new IntegrifyErrorHandler(load, Options.Create(new IntegrifyOptions())) { InnerHandler = new TimingOut() };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://acme.integrify.com/api/instance/mytask/list"));
        using var response = await invoker.SendAsync(request, CancellationToken.None);
    }

    /// <summary>What the resilience pipeline throws when an attempt outlasts its timeout.</summary>
    private sealed class TimingOut : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new TimeoutRejectedException();
    }
}
