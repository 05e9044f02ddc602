using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Storage;

/// <summary>
/// A linked account's primary key. <see cref="IntegrifyUser"/> carries only its key today, so the
/// Teams tenant column is empty; when the user key grows a tenant, this is the one place to fill it.
/// </summary>
public readonly record struct LinkedAccountKey(string TeamsTenantId, string UserKey)
{
    public static LinkedAccountKey For(IntegrifyUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new LinkedAccountKey(string.Empty, user.Key);
    }
}
