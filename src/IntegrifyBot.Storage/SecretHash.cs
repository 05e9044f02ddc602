using System.Security.Cryptography;
using System.Text;

namespace IntegrifyBot.Storage;

/// <summary>
/// What the database keeps of a secret that travels elsewhere (a sign-in page's state, an export
/// link's key, a push's signature): its SHA-256, hex, so that a copy of the database opens nothing,
/// and every key has one length and one alphabet whatever the secret looks like.
/// </summary>
internal static class SecretHash
{
    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
