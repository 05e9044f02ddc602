using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Storage;

/// <summary>A linked account's primary key: the Teams tenant and the user's id in it.</summary>
public readonly record struct LinkedAccountKey(string TeamsTenantId, string UserKey)
{
    public static LinkedAccountKey For(IntegrifyUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new LinkedAccountKey(user.TeamsTenantId, user.UserId);
    }
}
