using System.Text.Json.Serialization;
using IntegrifyBot.Cards.Json;

namespace IntegrifyBot.Cards.Model;

/// <summary>
/// What a client that does not know an element or action shows instead: nothing ("drop") or a
/// replacement of the same kind. Made with <see cref="Fallback.Drop{T}"/> or <see cref="Fallback.With{T}"/>.
/// </summary>
[JsonConverter(typeof(FallbackConverterFactory))]
public sealed record Fallback<T>
    where T : class
{
    internal Fallback(T? replacement) => Replacement = replacement;

    /// <summary>The replacement, or null when the item is dropped.</summary>
    public T? Replacement { get; }
}
