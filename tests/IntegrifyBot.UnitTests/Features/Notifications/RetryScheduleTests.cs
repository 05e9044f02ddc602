using IntegrifyBot.Notifications;

namespace IntegrifyBot.UnitTests.Features.Notifications;

/// <summary>The waits between a failed notification's attempts.</summary>
public sealed class RetryScheduleTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_first_retry_waits_between_half_and_all_of_the_retry_delay()
    {
        Assert.All(Waits(failures: 1), wait => Assert.InRange(wait, First / 2, First));
    }

    [Fact]
    public void Each_further_failure_doubles_the_wait()
    {
        Assert.All(Waits(failures: 3), wait => Assert.InRange(wait, First * 2, First * 4));
    }

    [Fact]
    public void No_wait_is_longer_than_an_hour_however_often_it_failed()
    {
        Assert.All(Waits(failures: 40), wait => Assert.InRange(wait, RetrySchedule.Longest / 2, RetrySchedule.Longest));
    }

    [Fact]
    public void Waits_are_spread_so_that_what_failed_together_does_not_come_back_together()
    {
        Assert.True(Waits(failures: 2).Distinct().Count() > 40);
    }

    private static List<TimeSpan> Waits(int failures) => [.. Enumerable.Range(0, 50).Select(_ => RetrySchedule.After(failures, First))];
}
