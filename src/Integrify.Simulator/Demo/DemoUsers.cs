using System.Security.Cryptography;
using System.Text;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Demo;

/// <summary>
/// The demo tenant's people: the Teams emulator's mock users, so that the person chatting in the
/// emulator is also someone in Integrify. Their credentials are public demo values by design.
/// </summary>
internal static class DemoUsers
{
    public const string Password = "Passw0rd!";

    public const string OrganizationApiKey = "demo-org-key";

    private const string PersonalKeyPrefix = "demo-key-";

    public static IReadOnlyList<UserAccount> All { get; } =
    [
        new(Guid.Parse("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001"), "alexw", "Alex", "Wilber", "alexw@example.com", "America/New_York", "en-US", "Operations", "Operations Coordinator", "pattif"),
        new(Guid.Parse("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000002"), "meganb", "Megan", "Bowen", "meganb@example.com", "America/Los_Angeles", "en-US", "Human Resources", "HR Manager", "alexw"),
        new(Guid.Parse("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000003"), "adelev", "Adele", "Vance", "adelev@example.com", "Europe/London", "en-GB", "Design", "Senior Designer", "alexw"),
        new(Guid.Parse("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000004"), "isaiahl", "Isaiah", "Langer", "isaiahl@example.com", "America/Chicago", "en-US", "IT", "Security Engineer", "alexw"),
        new(Guid.Parse("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000005"), "pattif", "Patti", "Fernandez", "pattif@example.com", "Europe/Madrid", "es-ES", "Finance", "Finance Director", "lynner"),
        new(Guid.Parse("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000006"), "lynner", "Lynne", "Robbins", "lynner@example.com", "Australia/Sydney", "en-AU", "IT", "IT Administrator", "pattif"),
    ];

    /// <summary>Who does the work of each department role in the demo processes.</summary>
    public static IReadOnlyDictionary<StepRole, string> RoleHolders { get; } = new Dictionary<StepRole, string>
    {
        [StepRole.Finance] = "pattif",
        [StepRole.HumanResources] = "meganb",
        [StepRole.Security] = "isaiahl",
        [StepRole.ItAdmin] = "lynner",
        [StepRole.Purchasing] = "alexw",
    };

    /// <summary>Whose personal API key this looks like (the user name after the prefix); null when it is not one.</summary>
    public static string? PersonalKeyOwner(string? key) =>
        key is not null && key.StartsWith(PersonalKeyPrefix, StringComparison.Ordinal) ? key[PersonalKeyPrefix.Length..] : null;

    public static bool IsPersonalKey(string? key, UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SecretEquals(key, PersonalKeyPrefix + user.UserName);
    }

    public static bool IsPassword(string? password) => SecretEquals(password, Password);

    public static bool IsOrganizationKey(string? key) => SecretEquals(key, OrganizationApiKey);

    // Constant-time comparison: the habit a real server needs, even for the demo's public secrets.
    private static bool SecretEquals(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
