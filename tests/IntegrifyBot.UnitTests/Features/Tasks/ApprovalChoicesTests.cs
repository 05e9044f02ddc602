using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Features.Tasks;

public sealed class ApprovalChoicesTests
{
    private static readonly IntegrifyUser Alex = new("tenant", "alex");
    private static readonly IntegrifyUser Megan = new("tenant", "megan");

    [Fact]
    public void Choices_are_reused_within_the_lifetime_for_that_person_only_and_dropped_when_they_act()
    {
        var clock = new ManualClock();
        using var choices = new ApprovalChoices(Options.Create(new TasksOptions { ChoicesLifetime = TimeSpan.FromSeconds(30) }), clock);
        var details = new ApprovalDetails { Instructions = "x" };
        choices.Keep(Alex, "t1", details);

        Assert.Same(details, choices.Find(Alex, "t1"));
        Assert.Null(choices.Find(Megan, "t1"));

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(choices.Find(Alex, "t1"));

        choices.Keep(Alex, "t1", details);
        choices.Forget(Alex);
        Assert.Null(choices.Find(Alex, "t1"));
    }

    [Fact]
    public void A_zero_lifetime_keeps_nothing()
    {
        using var choices = new ApprovalChoices(Options.Create(new TasksOptions { ChoicesLifetime = TimeSpan.Zero }), new ManualClock());
        choices.Keep(Alex, "t1", new ApprovalDetails());
        Assert.Null(choices.Find(Alex, "t1"));
    }
}
