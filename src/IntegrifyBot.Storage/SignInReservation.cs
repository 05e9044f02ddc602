namespace IntegrifyBot.Storage;

/// <summary>What a sign-in attempt got when it asked for a place under the limit.</summary>
public abstract record SignInReservation
{
    /// <summary>A slot, which counts as a failure until the attempt is settled with it.</summary>
    public sealed record Granted(long Slot) : SignInReservation;

    /// <summary>The limit is reached; <paramref name="Until"/> is when it lifts.</summary>
    public sealed record Blocked(DateTimeOffset Until) : SignInReservation;
}
