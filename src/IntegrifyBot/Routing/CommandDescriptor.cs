namespace IntegrifyBot.Routing;

/// <summary>
/// A text command as people see it in help and in Teams' command menu.
/// </summary>
/// <param name="Name">The main phrase, such as "help" or "my tasks".</param>
/// <param name="Description">One short line on what it does.</param>
/// <param name="Aliases">Other phrases that mean the same, such as "?" for help.</param>
public sealed record CommandDescriptor(string Name, string Description, IReadOnlyList<string> Aliases)
{
    public CommandDescriptor(string name, string description, params string[] aliases)
        : this(name, description, (IReadOnlyList<string>)aliases)
    {
    }

    /// <summary>An example with arguments, such as "tasks invoice", shown in help.</summary>
    public string? Example { get; init; }

    /// <summary>Whether help and the Teams command menu list it.</summary>
    public bool Listed { get; init; } = true;

    public IEnumerable<string> Phrases => Aliases.Prepend(Name);
}
