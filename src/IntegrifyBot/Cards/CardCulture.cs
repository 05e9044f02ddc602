using System.Globalization;

namespace IntegrifyBot.Cards;

/// <summary>The culture a card's numbers and dates are written in: the one Teams says the user reads.</summary>
public static class CardCulture
{
    /// <summary>The culture of a Teams locale such as "de-DE"; en-US when there is none or it is unknown.</summary>
    public static CultureInfo For(string? locale)
    {
        try
        {
            return string.IsNullOrWhiteSpace(locale) ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-US");
        }
    }
}
