using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

/// <summary>
/// At most <see cref="LinkingOptions.MaxFailedSignIns"/> refused sign-ins per Teams user within
/// <see cref="LinkingOptions.FailureWindow"/>, counted across the card, the page and magic codes, so
/// nobody can try passwords, API keys or codes through the bot at speed.
/// </summary>
public sealed class SignInThrottle(SignInFailures failures, IOptions<LinkingOptions> options, TimeProvider time)
{
    /// <summary>When the user may try again, or null when they may now.</summary>
    public async Task<DateTimeOffset?> BlockedUntilAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var recent = await failures.SinceAsync(user, time.GetUtcNow() - settings.FailureWindow, cancellationToken);
        return recent.Count < settings.MaxFailedSignIns
            ? null
            : recent[recent.Count - settings.MaxFailedSignIns] + settings.FailureWindow;
    }

    public Task RecordFailureAsync(IntegrifyUser user, CancellationToken cancellationToken) =>
        failures.RecordAsync(user, time.GetUtcNow() - options.Value.FailureWindow, cancellationToken);

    public Task ResetAsync(IntegrifyUser user, CancellationToken cancellationToken) => failures.ClearAsync(user, cancellationToken);
}
