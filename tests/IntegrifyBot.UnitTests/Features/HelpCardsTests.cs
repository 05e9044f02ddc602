using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Help;
using IntegrifyBot.Routing;

namespace IntegrifyBot.UnitTests.Features;

/// <summary>The welcome and help cards, built straight from the command list as the bot builds them.</summary>
public sealed class HelpCardsTests
{
    // Teams renders at most six actions on a card.
    private const int TeamsActionLimit = 6;

    private static readonly CommandDescriptor MyTasks = new("my tasks", "The tasks waiting for you") { Example = "my tasks invoice" };
    private static readonly CommandDescriptor Requests = new("requests", "Requests you started");
    private static readonly CommandDescriptor Reports = new("reports", "Run a saved report");
    private static readonly CommandDescriptor Secret = new("debug", "Shows internals") { Listed = false };

    [Fact]
    public void Help_lists_every_listed_command_and_no_unlisted_one()
    {
        var card = HelpCards.Help([HelpFeature.HelpCommand, HelpFeature.HelloCommand, MyTasks, Secret, Requests], unrecognised: null);

        var facts = Assert.Single(card.Body.OfType<FactSet>()).Facts;
        Assert.Equal(["help", "my tasks invoice", "requests"], facts.Select(fact => fact.Title));
        Assert.Equal(MyTasks.Description, facts[1].Value);
        Assert.DoesNotContain("hello", card.FallbackText, StringComparison.Ordinal);
        Assert.DoesNotContain("debug", card.FallbackText, StringComparison.Ordinal);
        Assert.Contains("my tasks", card.FallbackText, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_buttons_run_their_command_by_name()
    {
        var card = HelpCards.Help([HelpFeature.HelpCommand, MyTasks, Requests], unrecognised: null);

        var buttons = Buttons(card);
        Assert.Equal(["My tasks", "Requests"], buttons.Select(button => button.Title));
        Assert.All(buttons, button => Assert.Equal(RunCommandData.Verb, button.Verb));
        // The name, not the example: the example's arguments would run a search nobody asked for.
        Assert.Equal(["my tasks", "requests"], buttons.Select(button => (string?)button.Data?["text"]));
        Assert.All(buttons, button => Assert.Equal(RunCommandData.Verb, (string?)button.Data?[CardActions.VerbKey]));
    }

    [Fact]
    public void Help_has_no_button_for_unlisted_commands()
    {
        var card = HelpCards.Help([HelpFeature.HelloCommand, Secret, Reports], unrecognised: null);

        Assert.Equal(["reports"], Buttons(card).Select(button => (string?)button.Data?["text"]));
    }

    [Fact]
    public void Help_shows_at_most_five_buttons_whatever_the_number_of_commands()
    {
        var many = Enumerable.Range(1, 9).Select(i => new CommandDescriptor($"command {i}", $"Does thing {i}")).ToList();

        var card = HelpCards.Help(many, unrecognised: null);

        Assert.Equal(5, card.Actions?.Count);
        Assert.True(card.Actions!.Count <= TeamsActionLimit);
        Assert.Equal(9, Assert.Single(card.Body.OfType<FactSet>()).Facts.Count);
        Assert.Equal(["command 1", "command 2", "command 3", "command 4", "command 5"], Buttons(card).Select(button => (string?)button.Data?["text"]));
    }

    [Fact]
    public void Help_after_unknown_text_stays_within_the_teams_action_limit()
    {
        var many = new[] { HelpFeature.HelpCommand }.Concat(Enumerable.Range(1, 9).Select(i => new CommandDescriptor($"command {i}", "Does a thing"))).ToList();

        var card = HelpCards.Help(many, unrecognised: "gibberish");

        Assert.InRange(card.Actions?.Count ?? 0, 1, Math.Min(5, TeamsActionLimit));
    }

    [Fact]
    public void Help_asked_for_offers_no_help_button_but_help_after_unknown_text_does()
    {
        var commands = new[] { HelpFeature.HelpCommand, MyTasks };

        var asked = HelpCards.Help(commands, unrecognised: null);
        var confused = HelpCards.Help(commands, unrecognised: "aprove");

        Assert.DoesNotContain("help", Buttons(asked).Select(button => (string?)button.Data?["text"]));
        Assert.Contains("help", Buttons(confused).Select(button => (string?)button.Data?["text"]));
    }

    [Fact]
    public void Help_asked_for_does_not_say_it_did_not_understand()
    {
        var card = HelpCards.Help([HelpFeature.HelpCommand], unrecognised: null);

        Assert.DoesNotContain(Texts(card), text => text.Contains("didn't understand", StringComparison.Ordinal));
        Assert.Contains("Here's what I can do", Texts(card));
    }

    [Fact]
    public void Help_after_unknown_text_says_so_first_with_the_text_escaped()
    {
        var card = HelpCards.Help([HelpFeature.HelpCommand], unrecognised: "**approve** [all](https://evil.example)");

        var first = Assert.IsType<TextBlock>(card.Body[0]);
        Assert.Equal(@"Sorry, I didn't understand “\*\*approve\*\* \[all\](https://evil.example)”.", first.Text);
        Assert.Equal(TextColor.Attention, first.Color);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Help_after_blank_text_does_not_quote_it(string unrecognised)
    {
        var card = HelpCards.Help([HelpFeature.HelpCommand], unrecognised);

        Assert.Equal("Sorry, I didn't understand that.", Assert.IsType<TextBlock>(card.Body[0]).Text);
    }

    [Fact]
    public void Help_after_long_unknown_text_quotes_only_its_beginning()
    {
        var card = HelpCards.Help([HelpFeature.HelpCommand], unrecognised: new string('a', 1000));

        var text = Assert.IsType<TextBlock>(card.Body[0]).Text;
        Assert.Contains(new string('a', 79) + "…”", text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 80), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alex Wilber")]
    [InlineData("  Alex   Wilber ")]
    [InlineData("Wilber, Alex")]
    public void Welcome_greets_by_first_name(string name)
    {
        var card = HelpCards.Welcome(name);

        Assert.Equal("Hi Alex! I'm the Integrify bot.", Assert.IsType<TextBlock>(card.Body[0]).Text);
    }

    [Fact]
    public void Welcome_escapes_the_name()
    {
        var card = HelpCards.Welcome("[Alex](https://evil.example) Wilber");

        Assert.Equal(@"Hi \[Alex\](https://evil.example)! I'm the Integrify bot.", Assert.IsType<TextBlock>(card.Body[0]).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Welcome_without_a_name_greets_plainly(string? name)
    {
        var card = HelpCards.Welcome(name);

        Assert.Equal("Hi! I'm the Integrify bot.", Assert.IsType<TextBlock>(card.Body[0]).Text);
    }

    [Fact]
    public void Welcome_offers_one_button_that_runs_help()
    {
        var card = HelpCards.Welcome("Alex Wilber");

        var button = Assert.Single(Buttons(card));
        Assert.Equal(RunCommandData.Verb, button.Verb);
        Assert.Equal(HelpFeature.HelpCommand.Name, (string?)button.Data?["text"]);
        Assert.False(string.IsNullOrWhiteSpace(card.FallbackText));
    }

    private static List<ExecuteAction> Buttons(AdaptiveCard card) =>
        (card.Actions ?? []).Select(action => Assert.IsType<ExecuteAction>(action)).ToList();

    private static List<string> Texts(AdaptiveCard card) => card.Body.OfType<TextBlock>().Select(block => block.Text).ToList();
}
