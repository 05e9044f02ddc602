using System.Text;
using Microsoft.Extensions.Options;

namespace Integrify.Simulator.Hosting;

internal static class SimulatorOptionsValidator
{
    private const int MinSigningKeyBytes = 32;

    /// <summary>Their user names have five digits.</summary>
    private const int MaxGeneratedUsers = 99_999;

    /// <exception cref="OptionsValidationException">Says in one line per problem what to fix.</exception>
    public static void ThrowIfInvalid(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Tenant) || !options.Tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add("Simulator:Tenant must be letters, digits, '-', '_' or '.'.");
        }

        if (options.JwtLifetime < TimeSpan.FromSeconds(1) || options.JwtLifetime > TimeSpan.FromDays(7))
        {
            failures.Add("Simulator:JwtLifetime must be from 1 second to 7 days.");
        }

        if (options.RefreshTokenLifetime < TimeSpan.FromSeconds(1) || options.RefreshTokenLifetime > TimeSpan.FromDays(365))
        {
            failures.Add("Simulator:RefreshTokenLifetime must be from 1 second to 365 days.");
        }

        if (!string.IsNullOrEmpty(options.SigningKey) && Encoding.UTF8.GetByteCount(options.SigningKey) < MinSigningKeyBytes)
        {
            failures.Add($"Simulator:SigningKey must be at least {MinSigningKeyBytes} bytes of UTF-8 (HS256), or empty for a random key.");
        }

        if (options.GeneratedUsers is < 0 or > MaxGeneratedUsers)
        {
            failures.Add($"Simulator:GeneratedUsers must be from 0 to {MaxGeneratedUsers}.");
        }

        if (options.DemoTaskDelay < TimeSpan.Zero || options.DemoTaskDelay > TimeSpan.FromDays(1))
        {
            failures.Add("Simulator:DemoTaskDelay must be from 0 to 1 day.");
        }

        if (options.DemoTaskInterval < TimeSpan.FromSeconds(1) || options.DemoTaskInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Simulator:DemoTaskInterval must be from 1 second to 1 day.");
        }

        if (options.Port is < 0 or > 65_535)
        {
            failures.Add("Simulator:Port must be from 0 to 65535.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(SimulatorOptions.SectionName, typeof(SimulatorOptions), failures);
        }
    }
}
