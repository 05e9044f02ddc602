namespace IntegrifyBot.Notifications.Push;

internal enum PushVerdict
{
    Accepted,

    /// <summary>No valid signature or secret: the caller learns nothing more.</summary>
    Refused,

    /// <summary>Signed correctly, but its timestamp is outside the tolerance.</summary>
    Stale,
}
