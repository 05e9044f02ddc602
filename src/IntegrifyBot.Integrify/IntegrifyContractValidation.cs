using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Http;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Integrify;

/// <summary>
/// Checks the deployment's overrides of the contract at start: each path stays a path on the
/// configured instance with the placeholders of the call it replaces, and each permission value can
/// go into an address as it is. One sentence per key, naming it; values are not repeated.
/// </summary>
internal sealed class IntegrifyContractValidation : IValidateOptions<IntegrifyOptions>
{
    private const string PathsKey = $"{IntegrifyOptions.Section}:{nameof(IntegrifyOptions.Paths)}";
    private const string PermissionsKey = $"{IntegrifyOptions.Section}:{nameof(IntegrifyOptions.Permissions)}";

    // RFC 3986's characters of a path segment, less percent-escapes, which could hide a dot segment.
    private const string PathCharacters = "-._~!$&'()*+,;=:@/";
    private const string TokenCharacters = "-._~";

    public ValidateOptionsResult Validate(string? name, IntegrifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures =
        [
            .. options.Paths.Select(path => PathProblem(path.Key, path.Value)).OfType<string>(),
            .. options.Permissions.Select(permission => PermissionProblem(permission.Key, permission.Value)).OfType<string>(),
        ];
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? PathProblem(string name, string? template)
    {
        var key = $"{PathsKey}:{name}";
        if (!IntegrifyContract.Paths.TryGetValue(name, out var contractPath))
        {
            return $"{key} is not a call the bot makes; the names are {string.Join(", ", IntegrifyContract.Paths.Keys)}.";
        }

        if (string.IsNullOrEmpty(template) || template[0] != '/' || template.StartsWith("//", StringComparison.Ordinal) || template.Contains("://", StringComparison.Ordinal))
        {
            return $"{key} must be a path on the Integrify instance that starts with a single /, such as {contractPath}: never a scheme or a host.";
        }

        if (template.Contains('?', StringComparison.Ordinal) || template.Contains('#', StringComparison.Ordinal))
        {
            return $"{key} must not hold a query string or a fragment (? or #).";
        }

        if (template.Split('/').Any(segment => segment is "." or ".."))
        {
            return $"{key} must not hold a . or .. segment.";
        }

        if (!PathTemplate.Literal(template).All(character => char.IsAsciiLetterOrDigit(character) || PathCharacters.Contains(character, StringComparison.Ordinal)))
        {
            return $"{key} may hold only letters, digits, / and {PathCharacters[..^1]} besides its placeholders.";
        }

        var expected = PathTemplate.Placeholders(contractPath);
        var given = PathTemplate.Placeholders(template);
        if (given.Count != expected.Count || !expected.Order(StringComparer.Ordinal).SequenceEqual(given.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return expected.Count == 0
                ? $"{key} must hold no placeholder, as {contractPath} does."
                : $"{key} must hold {string.Join(", ", expected.Select(placeholder => $"{{{placeholder}}}"))} once each and no other placeholder, as {contractPath} does.";
        }

        if (IntegrifyContract.Named(name).Any(call => call.KeyInPath) && !template.StartsWith(SecretAddresses.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"{key} must stay under {SecretAddresses.Prefix}: the API key travels in this address, and addresses there are kept out of traces.";
        }

        return null;
    }

    private static string? PermissionProblem(string name, string? value)
    {
        var key = $"{PermissionsKey}:{name}";
        if (!IntegrifyContract.Permissions.ContainsKey(name))
        {
            return $"{key} is not a permission value the bot sends; the names are {string.Join(", ", IntegrifyContract.Permissions.Keys)}.";
        }

        return string.IsNullOrEmpty(value) || !value.All(character => char.IsAsciiLetterOrDigit(character) || TokenCharacters.Contains(character, StringComparison.Ordinal))
            ? $"{key} must be a word of letters, digits and {TokenCharacters}, since it goes into an address as it is."
            : null;
    }
}
