namespace IntegrifyBot.Cards.Model;

/// <summary>Label and value pairs, laid out as two aligned columns.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;
