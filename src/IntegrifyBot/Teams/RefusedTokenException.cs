namespace IntegrifyBot.Teams;

/// <summary>
/// The Bot Framework SDK refused a request's token: unreadable, signed with a key it does not trust,
/// from an issuer it does not accept, for another bot, or expired. A refusal is an answer to the
/// caller, not a fault in the bot, so it carries the SDK's reason in a few words and no stack trace:
/// whoever logs it writes one line (CloudAdapter.ProcessAsync logs an UnauthorizedAccessException
/// whole, with ToString()).
/// </summary>
internal sealed class RefusedTokenException(string reason) : UnauthorizedAccessException($"Refused the request's token: {reason}")
{
    /// <summary>Why, in the SDK's words or as the name of the exception it threw; never the token.</summary>
    public string Reason { get; } = reason;

    public override string? StackTrace => null;
}
