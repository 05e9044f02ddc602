namespace IntegrifyBot.Integrify.Api;

/// <summary>
/// The bot's key for a person whose Integrify account is linked. Every authenticated call carries it
/// in its request options, so the authentication handler looks up that person's token and no call
/// can borrow another person's.
/// </summary>
public sealed record IntegrifyUser(string Key)
{
    /// <summary>The request option (Refit [Property]) that carries the user.</summary>
    public const string RequestOption = "integrify.user";

    public override string ToString() => Key;
}
