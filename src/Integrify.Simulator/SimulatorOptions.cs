namespace Integrify.Simulator;

/// <summary>
/// How the simulator behaves. Standalone it reads them from the configuration section
/// <c>Simulator</c> (<c>Simulator:ControlApi</c>, <c>Simulator__JwtLifetime</c>, ...).
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>The tenant id in auth paths and the JWT <c>aud</c>.</summary>
    public string Tenant { get; set; } = "demo";

    /// <summary>Maps the test control API under <c>/_sim/</c>. Off unless asked for (standalone Development turns it on).</summary>
    public bool ControlApi { get; set; }

    /// <summary>How long a JWT from sign-in or refresh is valid.</summary>
    public TimeSpan JwtLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an unused refresh token stays valid.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The HS256 key for JWTs, at least 32 bytes of UTF-8; a random key for each start when empty.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// How many people the tenant has beyond the six demo ones: <c>user00001</c> to <c>user{N}</c>, who
    /// sign in with the demo password and start with no tasks (the control API gives them some).
    /// </summary>
    public int GeneratedUsers { get; set; }

    /// <summary>The user name of the <paramref name="number"/>th generated person, from 1: <c>user00001</c>.</summary>
    public static string GeneratedUserName(int number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"user{number:D5}");

    /// <summary>
    /// Alex's colleagues send him new approvals, as in a working day: the first
    /// <see cref="DemoTaskDelay"/> after he first signs in, then one every <see cref="DemoTaskInterval"/>.
    /// Off unless asked for, so that tests see only the tasks they make; the demo turns it on.
    /// </summary>
    public bool DemoTasks { get; set; }

    /// <summary>How long after Alex's first sign-in the first of <see cref="DemoTasks"/> comes.</summary>
    public TimeSpan DemoTaskDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often another of <see cref="DemoTasks"/> comes after the first.</summary>
    public TimeSpan DemoTaskInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The port on 127.0.0.1 when hosted in-process; 0 picks a free port. Standalone uses <c>Urls</c> instead.</summary>
    public int Port { get; set; }

    public override string ToString() =>
        $"SimulatorOptions {{ Tenant = {Tenant}, ControlApi = {ControlApi}, JwtLifetime = {JwtLifetime}, RefreshTokenLifetime = {RefreshTokenLifetime}, GeneratedUsers = {GeneratedUsers}, DemoTasks = {DemoTasks}, DemoTaskDelay = {DemoTaskDelay}, DemoTaskInterval = {DemoTaskInterval}, Port = {Port} }}";
}
