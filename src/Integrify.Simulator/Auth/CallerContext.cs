namespace Integrify.Simulator.Auth;

internal static class CallerContext
{
    private static readonly object Key = new();

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[Key] = caller;

    public static Caller? FindCaller(this HttpContext context) => context.Items.TryGetValue(Key, out var caller) ? caller as Caller : null;

    /// <summary>The caller of an endpoint behind <see cref="BearerAuthFilter"/>, which always sets it.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.FindCaller() ?? throw new InvalidOperationException("The endpoint is not behind the bearer filter.");
}
