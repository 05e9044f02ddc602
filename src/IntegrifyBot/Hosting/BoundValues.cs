using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace IntegrifyBot.Hosting;

/// <summary>
/// The values of a configuration section that the configuration binder cannot turn into its options
/// type. Binding throws on the first of them, whenever the options are first read, with the value in
/// its message and no key an operator could act on; here each is tried key by key with the binder's
/// own conversion, so that every one can be named, and no value is repeated (it may be a secret).
/// </summary>
internal static class BoundValues
{
    /// <summary>One sentence for each value under <paramref name="section"/> that <paramref name="options"/> cannot take.</summary>
    public static IEnumerable<string> Problems(IConfiguration section, Type options)
    {
        // The properties the binder visits: public, readable, not indexers. It converts a value for a
        // read-only one too (and throws), so those count as well.
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            foreach (var problem in Problems(section, key, property.PropertyType, property.GetCustomAttribute<RangeAttribute>()))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> Problems(IConfiguration parent, string key, Type type, RangeAttribute? range)
    {
        var node = parent.GetSection(key);
        if (node.Value is not null && !Converts(parent, key, type))
        {
            yield return $"{node.Path} must be {ExpectedValue.Of(type, range)}.";
            yield break;
        }

        // The binder skips list items it cannot convert without a word; an operator's setting that is
        // silently dropped is reported here all the same.
        var children = node.GetChildren().ToList();
        var problems = ItemType(type) is { } item
            ? children.SelectMany(child => Problems(node, child.Key, item, range: null))
            : children.Count > 0 && IsObject(type) ? Problems(node, type) : [];
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    private static bool Converts(IConfiguration parent, string key, Type type)
    {
        try
        {
            _ = parent.GetValue(type, key);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // What a collection holds: a dictionary's values, or a list's or array's items.
    private static Type? ItemType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var interfaces = type.GetInterfaces().Append(type).Where(candidate => candidate.IsGenericType).ToList();
        var dictionary = interfaces.FirstOrDefault(candidate => candidate.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        return interfaces.FirstOrDefault(candidate => candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    // A type the binder fills property by property rather than converting from one string.
    private static bool IsObject(Type type) =>
        type != typeof(string) && !TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
}
