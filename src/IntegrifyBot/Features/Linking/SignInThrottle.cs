using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// At most <see cref="LinkingOptions.MaxFailedSignIns"/> refused sign-ins within
/// <see cref="LinkingOptions.FailureWindow"/> per Teams user, counted across the card, the page and
/// magic codes, and as many per Integrify username that password attempts name, whoever types them:
/// so nobody can try passwords, API keys or codes through the bot at speed, alone or together.
/// </summary>
public sealed class SignInThrottle(SignInFailures failures, IOptions<LinkingOptions> options)
{
    /// <summary>
    /// Runs <paramref name="attempt"/> in a slot reserved under the limit, or answers
    /// <see cref="LinkAttempt.Throttled"/> without running it. A refusal keeps the slot as a failure; a
    /// success frees it and clears what it proves (<see cref="SignInFailures.RecordSuccessAsync"/>);
    /// no answer from Integrify frees it. An exception leaves the slot counted: the attempt may have
    /// reached Integrify.
    /// </summary>
    /// <param name="integrifyUserName">The username a password attempt names; null for an API key or a magic code.</param>
    public async Task<LinkAttempt> AttemptAsync(IntegrifyUser user, string? integrifyUserName, Func<CancellationToken, Task<LinkAttempt>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var settings = options.Value;
        var reservation = await failures.ReserveAsync(user, integrifyUserName, settings.MaxFailedSignIns, settings.FailureWindow, cancellationToken);
        return reservation switch
        {
            SignInReservation.Granted granted => await SettleAsync(user, granted.Slot, integrifyUserName, await attempt(cancellationToken), cancellationToken),
            SignInReservation.Blocked blocked => new LinkAttempt.Throttled(blocked.Until),
            _ => throw new InvalidOperationException($"Unknown reservation {reservation}."),
        };
    }

    private async Task<LinkAttempt> SettleAsync(IntegrifyUser user, long slot, string? integrifyUserName, LinkAttempt outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case LinkAttempt.Accepted:
                await failures.RecordSuccessAsync(user, slot, integrifyUserName, cancellationToken);
                break;
            case LinkAttempt.Refused:
                await failures.RecordRefusalAsync(slot, cancellationToken);
                break;
            default:
                await failures.ReleaseAsync(slot, cancellationToken);
                break;
        }

        return outcome;
    }
}
