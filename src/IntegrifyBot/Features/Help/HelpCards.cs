using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Help;

/// <summary>The welcome and help cards: pure functions from what the bot can do to a card.</summary>
public static class HelpCards
{
    /// <summary>Teams shows at most six buttons on a card; help keeps one for itself.</summary>
    private const int MaxCommandButtons = 5;

    public static AdaptiveCard Welcome(string? userName)
    {
        var greeting = string.IsNullOrWhiteSpace(userName) ? "Hi!" : $"Hi {CardText.Escape(FirstName(userName), 60)}!";
        return new AdaptiveCard
        {
            FallbackText = "Hi! I bring your Integrify work into Teams. Type help to see what I can do.",
            Body =
            [
                CardParts.Heading($"{greeting} I'm the Integrify bot."),
                new TextBlock("I bring your company's Integrify workflows into Teams, so you can deal with what is waiting for you without leaving the chat."),
                new TextBlock("Type **help** at any time to see what I can do. In a group chat or channel, @mention me first.") { IsSubtle = true },
            ],
            Actions = [CardActions.Execute("Show what you can do", RunCommandData.Verb, new RunCommandData(HelpFeature.HelpCommand.Name))],
        };
    }

    /// <param name="commands">The bot's commands; unlisted ones are left out.</param>
    /// <param name="unrecognised">What the user typed that matched no command, or null.</param>
    public static AdaptiveCard Help(IEnumerable<CommandDescriptor> commands, string? unrecognised)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var listed = commands.Where(command => command.Listed).ToList();
        var body = new List<CardElement>();
        if (unrecognised is not null)
        {
            var shown = string.IsNullOrWhiteSpace(unrecognised) ? "that" : $"“{CardText.Escape(unrecognised, 80)}”";
            body.Add(new TextBlock($"Sorry, I didn't understand {shown}.") { Color = TextColor.Attention });
        }

        body.Add(CardParts.Heading("Here's what I can do", TextSize.Medium));
        body.Add(new FactSet(listed.Select(command => new Fact(command.Example ?? command.Name, command.Description)).ToList()));
        body.Add(new TextBlock("Type a command, or pick one below. In a group chat or channel, @mention me first.") { IsSubtle = true, Size = TextSize.Small });

        return new AdaptiveCard
        {
            FallbackText = "Here's what I can do: " + string.Join(", ", listed.Select(command => command.Name)),
            Body = body,
            Actions = listed
                .Where(command => command != HelpFeature.HelpCommand || unrecognised is not null)
                .Take(MaxCommandButtons)
                .Select(command => CardActions.Execute(Capitalise(command.Name), RunCommandData.Verb, new RunCommandData(command.Name)))
                .ToList<CardAction>(),
        };
    }

    // "Alex Wilber" and directory-style "Wilber, Alex" both greet Alex.
    private static string FirstName(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var given = comma >= 0 ? name[(comma + 1)..] : name;
        return given.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name.Trim();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
