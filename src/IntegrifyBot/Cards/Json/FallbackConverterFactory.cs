using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards.Json;

/// <summary>Writes a <see cref="Fallback{T}"/> as the string "drop" or as the replacement itself.</summary>
public sealed class FallbackConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Fallback<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(FallbackConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class FallbackConverter<T> : JsonConverter<Fallback<T>>
        where T : class
    {
        private const string DropKeyword = "drop";

        public override Fallback<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return string.Equals(reader.GetString(), DropKeyword, StringComparison.OrdinalIgnoreCase)
                    ? Fallback.Drop<T>()
                    : throw new JsonException($"A fallback is \"{DropKeyword}\" or an object.");
            }

            var replacement = JsonSerializer.Deserialize<T>(ref reader, options)
                ?? throw new JsonException("A fallback replacement cannot be null.");
            return Fallback.With(replacement);
        }

        public override void Write(Utf8JsonWriter writer, Fallback<T> value, JsonSerializerOptions options)
        {
            if (value.Replacement is null)
            {
                writer.WriteStringValue(DropKeyword);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Replacement, options);
            }
        }
    }
}
