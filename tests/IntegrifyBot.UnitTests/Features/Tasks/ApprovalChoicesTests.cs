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
    public void Approvals_kept_at_the_same_moment_for_one_person_are_all_kept()
    {
        // A list reads its approvals at once, so a person's first card keeps several together; many
        // people's first cards make the moment when two keeps meet an empty entry likely.
        using var choices = new ApprovalChoices(Options.Create(new TasksOptions()), new ManualClock());
        const int Readers = 4;
        var people = Enumerable.Range(0, 300).Select(index => new IntegrifyUser("tenant", $"person{index}")).ToArray();
        using var together = new Barrier(Readers);

        var readers = Enumerable.Range(0, Readers).Select(reader => new Thread(() =>
        {
            foreach (var person in people)
            {
                together.SignalAndWait();
                choices.Keep(person, $"t{reader}", new ApprovalDetails { Instructions = $"t{reader}" });
            }
        })).ToArray();
        Array.ForEach(readers, thread => thread.Start());
        Array.ForEach(readers, thread => thread.Join());

        Assert.All(people, person => Assert.All(Enumerable.Range(0, Readers), reader =>
            Assert.Equal($"t{reader}", choices.Find(person, $"t{reader}")?.Instructions)));
    }

    [Fact]
    public void A_zero_lifetime_keeps_nothing()
    {
        using var choices = new ApprovalChoices(Options.Create(new TasksOptions { ChoicesLifetime = TimeSpan.Zero }), new ManualClock());
        choices.Keep(Alex, "t1", new ApprovalDetails());
        Assert.Null(choices.Find(Alex, "t1"));
    }
}
