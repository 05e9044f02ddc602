using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Linking;

/// <summary>The rule that turns a Teams profile into an Integrify username for zero-touch linking.</summary>
public static class ZeroTouchUserName
{
    /// <summary>
    /// The Integrify username for the profile, or null when the profile lacks the address the rule
    /// reads, the address is outside the allowed domains, or it belongs to a guest.
    /// </summary>
    public static string? From(MemberProfile? profile, ZeroTouchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Guests carry "#EXT#" in their UPN: they are people of another company, whatever their
        // email says, and their email is the one of their own company.
        if (profile is null || profile.UserPrincipalName?.Contains("#EXT#", StringComparison.OrdinalIgnoreCase) == true)
        {
            return null;
        }

        var address = (options.UserNameFrom is UserNameSource.Upn or UserNameSource.UpnLocalPart ? profile.UserPrincipalName : profile.Email)?.Trim();
        var at = address?.LastIndexOf('@') ?? -1;
        if (address is null || at <= 0 || at == address.Length - 1)
        {
            return null;
        }

        var domain = address[(at + 1)..];
        if (!options.AllowedDomains.Any(allowed => string.Equals(allowed.Trim(), domain, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return options.UserNameFrom is UserNameSource.EmailLocalPart or UserNameSource.UpnLocalPart ? address[..at] : address;
    }
}
