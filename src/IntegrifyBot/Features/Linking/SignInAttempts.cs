using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// A sign-in with what the user typed (password or personal API key), rate-limited per Teams user.
/// Used by the in-card form and the sign-in page; neither the password nor the key is kept here.
/// </summary>
public sealed partial class SignInAttempts(IntegrifySignIn signIn, SignInThrottle throttle, ILogger<SignInAttempts> logger)
{
    public Task<LinkAttempt> WithPasswordAsync(IntegrifyUser user, string userName, string password, CancellationToken cancellationToken) =>
        AttemptAsync(user, LinkMethod.Password, token => signIn.ByPasswordAsync(userName, password, token), cancellationToken);

    public Task<LinkAttempt> WithPersonalApiKeyAsync(IntegrifyUser user, string apiKey, CancellationToken cancellationToken) =>
        AttemptAsync(user, LinkMethod.PersonalApiKey, token => signIn.ByPersonalApiKeyAsync(apiKey, token), cancellationToken);

    private async Task<LinkAttempt> AttemptAsync(IntegrifyUser user, LinkMethod method, Func<CancellationToken, Task<IntegrifyCredential>> attempt, CancellationToken cancellationToken)
    {
        if (await throttle.BlockedUntilAsync(user, cancellationToken) is { } until)
        {
            LogThrottled(method);
            return new LinkAttempt.Throttled(until);
        }

        try
        {
            var credential = await attempt(cancellationToken);
            await throttle.ResetAsync(user, cancellationToken);
            return new LinkAttempt.Accepted(credential);
        }
        catch (IntegrifyUnavailableException)
        {
            return new LinkAttempt.Unavailable();
        }
        catch (IntegrifyException exception) when (exception is IntegrifyLinkExpiredException or IntegrifyBadRequestException or IntegrifyNotFoundException or IntegrifyForbiddenException)
        {
            await throttle.RecordFailureAsync(user, cancellationToken);
            LogRefused(method, (int?)exception.Status);
            return new LinkAttempt.Refused(exception.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrify refused a sign-in ({Method}, status {Status})")]
    private partial void LogRefused(LinkMethod method, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in ({Method}) was not attempted: too many refused sign-ins for this Teams user")]
    private partial void LogThrottled(LinkMethod method);
}
