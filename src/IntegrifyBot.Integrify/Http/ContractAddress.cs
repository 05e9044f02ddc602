using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Errors;

namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// The address a call goes to once the deployment's overrides of the contract apply: the configured
/// path, filled with the values Refit put in the contract's path (escaped as Refit escaped them, so a
/// value can never add a segment or a query), the query kept, and the configured permission value in
/// place of the contract's. Without an override for the call, the address is left as it is.
/// </summary>
internal static class ContractAddress
{
    public static Uri For(IntegrifyCall call, Uri address, IntegrifyOptions options)
    {
        var path = NullIfEmpty(options.Paths.GetValueOrDefault(call.PathName));
        var permission = call.Permission is { } given ? NullIfEmpty(options.Permissions.GetValueOrDefault(given.Name)) : null;
        if (path is null && permission is null)
        {
            return address;
        }

        var absolutePath = address.AbsolutePath;
        var query = address.Query;
        if (path is not null || call.Permission is { InPath: true })
        {
            var values = PathTemplate.Match(call.Path, absolutePath)
                ?? throw new IntegrifyException($"The address of call {call.Id} does not follow the contract's path, so its configured path cannot be applied.");
            if (permission is not null && call.Permission is { InPath: true } inPath && IsContractValue(values[inPath.Parameter], inPath))
            {
                values[inPath.Parameter] = Uri.EscapeDataString(permission);
            }

            absolutePath = PathTemplate.Fill(path ?? call.Path, values);
        }

        if (permission is not null && call.Permission is { InPath: false } inQuery)
        {
            query = WithPermission(query, inQuery, permission);
        }

        // Built on the instance's own scheme, host and port: nothing configured can move the host.
        return new Uri(address.GetLeftPart(UriPartial.Authority) + absolutePath + query);
    }

    private static string WithPermission(string query, IntegrifyPermission permission, string value)
    {
        if (query.Length <= 1)
        {
            return query;
        }

        var pairs = query[1..].Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return equals > 0
                && string.Equals(Uri.UnescapeDataString(pair[..equals]), permission.Parameter, StringComparison.OrdinalIgnoreCase)
                && IsContractValue(pair[(equals + 1)..], permission)
                    ? $"{pair[..equals]}={Uri.EscapeDataString(value)}"
                    : pair;
        });
        return "?" + string.Join('&', pairs);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // Only the contract's own value is replaced: a caller that asked for another one keeps it.
    private static bool IsContractValue(string escaped, IntegrifyPermission permission) =>
        string.Equals(Uri.UnescapeDataString(escaped), permission.Value, StringComparison.OrdinalIgnoreCase);
}
