using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using IntegrifyBot.Cards.Json;

namespace IntegrifyBot.Routing;

/// <summary>
/// Turns the data a card button carried back into the verb's typed record. Card data comes from the
/// client and can be altered, so it is parsed strictly and validated once, here.
/// </summary>
internal static class VerbData
{
    public static TData Parse<TData>(JsonElement data)
        where TData : class
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new VerbDataException($"expected an object, got {data.ValueKind}");
        }

        TData? value;
        try
        {
            value = data.Deserialize<TData>(CardJson.ActionDataOptions);
        }
        catch (JsonException exception)
        {
            throw new VerbDataException($"unreadable at {exception.Path ?? "$"}");
        }

        if (value is null)
        {
            throw new VerbDataException("empty");
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), problems, validateAllProperties: true))
        {
            throw new VerbDataException(string.Join("; ", problems.Select(problem => problem.ErrorMessage)));
        }

        return value;
    }
}
