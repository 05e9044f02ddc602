namespace IntegrifyBot.Cards.Model;

/// <summary>
/// An input. Its <see cref="CardElement.Id"/> is the key its value has in the data an action sends,
/// so every input has one.
/// </summary>
public abstract record CardInput : CardElement
{
    protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Shown above the input; Teams and screen readers rely on it.</summary>
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}
