using System.Buffers.Text;
using System.Text.Json;

namespace Integrify.Simulator.Tests.Infrastructure;

public static class Jwt
{
    public static JsonElement Payload(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        return document.RootElement.Clone();
    }
}
