using System.Text.Json;

namespace IntegrifyBot.Routing;

/// <summary>A card button pressed: its verb and the data it carried, input values included.</summary>
public sealed record CardInvocation(string Verb, JsonElement Data, CardInvocationKind Kind);
