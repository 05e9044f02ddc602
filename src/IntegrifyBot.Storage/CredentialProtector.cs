using Microsoft.AspNetCore.DataProtection;

namespace IntegrifyBot.Storage;

/// <summary>
/// Encrypts each kind of secret under its own purpose, so ciphertext of one kind cannot be passed
/// off as another (a stored refresh token never decrypts as an API key).
/// </summary>
internal sealed class CredentialProtector(IDataProtectionProvider provider)
{
    public const string JwtPurpose = "IntegrifyBot.Jwt";
    public const string RefreshTokenPurpose = "IntegrifyBot.RefreshToken";
    public const string PersonalApiKeyPurpose = "IntegrifyBot.PersonalApiKey";

    private readonly IDataProtector jwt = provider.CreateProtector(JwtPurpose);
    private readonly IDataProtector refreshToken = provider.CreateProtector(RefreshTokenPurpose);
    private readonly IDataProtector personalApiKey = provider.CreateProtector(PersonalApiKeyPurpose);

    /// <summary>
    /// Loads the key ring, creating or rotating its key if due. Data Protection writes a new key to
    /// the database on another connection, so this must happen before the store takes the database's
    /// write lock, or the key's write would wait for the lock held by the same renewal. The ring is
    /// then cached (24 hours by default), so the protecting inside the lock writes nothing.
    /// </summary>
    public void EnsureKeyRing() => jwt.Protect([]);

    public string ProtectJwt(string value) => jwt.Protect(value);

    public string UnprotectJwt(string value) => jwt.Unprotect(value);

    public string? ProtectRefreshToken(string? value) => value is null ? null : refreshToken.Protect(value);

    public string? UnprotectRefreshToken(string? value) => value is null ? null : refreshToken.Unprotect(value);

    public string? ProtectPersonalApiKey(string? value) => value is null ? null : personalApiKey.Protect(value);

    public string? UnprotectPersonalApiKey(string? value) => value is null ? null : personalApiKey.Unprotect(value);
}
