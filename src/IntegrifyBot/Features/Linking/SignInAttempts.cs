using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// A sign-in with what the user typed (password or personal API key), rate-limited per Teams user
/// and per Integrify username. Used by the in-card form and the sign-in page; neither the password
/// nor the key is kept here.
/// </summary>
public sealed partial class SignInAttempts(IntegrifySignIn signIn, SignInThrottle throttle, ILogger<SignInAttempts> logger)
{
    public Task<LinkAttempt> WithPasswordAsync(IntegrifyUser user, string userName, string password, CancellationToken cancellationToken) =>
        AttemptAsync(user, LinkMethod.Password, userName, token => signIn.ByPasswordAsync(userName, password, token), cancellationToken);

    /// <summary>A key names nobody in advance, so it counts against the Teams user only.</summary>
    public Task<LinkAttempt> WithPersonalApiKeyAsync(IntegrifyUser user, string apiKey, CancellationToken cancellationToken) =>
        AttemptAsync(user, LinkMethod.PersonalApiKey, integrifyUserName: null, token => signIn.ByPersonalApiKeyAsync(apiKey, token), cancellationToken);

    private async Task<LinkAttempt> AttemptAsync(IntegrifyUser user, LinkMethod method, string? integrifyUserName, Func<CancellationToken, Task<IntegrifyCredential>> attempt, CancellationToken cancellationToken)
    {
        var outcome = await throttle.AttemptAsync(user, integrifyUserName, token => AskIntegrifyAsync(method, attempt, token), cancellationToken);
        if (outcome is LinkAttempt.Throttled)
        {
            LogThrottled(method);
        }

        return outcome;
    }

    private async Task<LinkAttempt> AskIntegrifyAsync(LinkMethod method, Func<CancellationToken, Task<IntegrifyCredential>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return new LinkAttempt.Accepted(await attempt(cancellationToken));
        }
        catch (IntegrifyException exception) when (exception is IntegrifyUnavailableException or IntegrifyBusyException)
        {
            // Either way the same advice: nothing was decided, try again in a moment.
            return new LinkAttempt.Unavailable();
        }
        catch (IntegrifyException exception) when (exception is IntegrifyLinkExpiredException or IntegrifyBadRequestException or IntegrifyNotFoundException or IntegrifyForbiddenException)
        {
            LogRefused(method, (int?)exception.Status);
            return new LinkAttempt.Refused(exception.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrify refused a sign-in ({Method}, status {Status})")]
    private partial void LogRefused(LinkMethod method, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in ({Method}) was not attempted: too many refused sign-ins for this Teams user or for the username it names")]
    private partial void LogThrottled(LinkMethod method);
}
