using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Hosting;

/// <summary>What a setting of a given type must look like, in words an operator can act on.</summary>
internal static class ExpectedValue
{
    /// <summary>Ends a sentence "Key must be …"; with the allowed range when the option declares one.</summary>
    public static string Of(Type type, RangeAttribute? range)
    {
        ArgumentNullException.ThrowIfNull(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var between = range is null ? string.Empty : $" between {range.Minimum} and {range.Maximum}";
        if (target.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(target))}";
        }

        if (target == typeof(TimeSpan))
        {
            return $"a duration{between}, written hh:mm:ss (or d.hh:mm:ss), such as 00:00:30";
        }

        if (target == typeof(Uri))
        {
            return "an address, such as https://integrifybot.contoso.com";
        }

        if (target == typeof(Guid))
        {
            return "a GUID, such as 0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5";
        }

        return Type.GetTypeCode(target) switch
        {
            TypeCode.Boolean => "true or false",
            >= TypeCode.SByte and <= TypeCode.UInt64 => $"a whole number{between}",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => $"a number{between}",
            _ => $"a value the bot can read as {target.Name}",
        };
    }
}
