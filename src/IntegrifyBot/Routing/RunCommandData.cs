using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Routing;

/// <summary>The data of a button that runs a text command, as if the user had typed it.</summary>
public sealed record RunCommandData([property: Required(AllowEmptyStrings = false), MaxLength(RunCommandData.MaxTextLength)] string Text)
{
    public const string Verb = "command.run";
    public const int MaxTextLength = 200;
}
