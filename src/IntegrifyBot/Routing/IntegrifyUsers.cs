using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Routing;

public static class IntegrifyUsers
{
    /// <summary>
    /// The key of the turn's sender: their tenant and Azure AD object id, which stay the same in every
    /// chat and on every device; the Teams user id only where Teams sends no object id.
    /// </summary>
    public static IntegrifyUser Of(BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var id = string.IsNullOrWhiteSpace(turn.User.AadObjectId) ? turn.User.Id : turn.User.AadObjectId;
        return new IntegrifyUser(turn.Conversation.TenantId ?? string.Empty, id);
    }
}
