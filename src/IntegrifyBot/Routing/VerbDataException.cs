namespace IntegrifyBot.Routing;

/// <summary>A card's data did not match its verb: an outdated or altered card.</summary>
internal sealed class VerbDataException(string reason) : Exception(reason);
