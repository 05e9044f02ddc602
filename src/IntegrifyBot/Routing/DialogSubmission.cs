using System.Text.Json;

namespace IntegrifyBot.Routing;

/// <summary>A dialog's card submitted: what its inputs held and what its button carried.</summary>
/// <param name="CommandId">The action command whose dialog it is.</param>
/// <param name="Data">The submitted values, one object.</param>
public sealed record DialogSubmission(string CommandId, JsonElement Data);
