namespace IntegrifyBot.Cards.Model;

public static class Fallback
{
    /// <summary>Clients that do not know the item leave it out.</summary>
    public static Fallback<T> Drop<T>()
        where T : class => new(null);

    /// <summary>Clients that do not know the item show <paramref name="replacement"/> instead.</summary>
    public static Fallback<T> With<T>(T replacement)
        where T : class => new(replacement ?? throw new ArgumentNullException(nameof(replacement)));
}
