using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Demo;

/// <summary>
/// Everyone in the tenant: the six demo people, then <see cref="SimulatorOptions.GeneratedUsers"/>
/// more (<c>user00001</c>, <c>user00002</c>, ...) for trying the bot with a large company. Looked up
/// by name, email or sid in constant time, since every authenticated call looks its caller up.
/// Generated people sign in like the demo ones: the demo password, and <c>demo-key-userNNNNN</c>.
/// </summary>
internal sealed class UserDirectory
{
    private readonly Dictionary<string, UserAccount> byLogin = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, UserAccount> bySid = [];

    public UserDirectory(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        All = [.. DemoUsers.All, .. Enumerable.Range(1, options.GeneratedUsers).Select(Generated)];
        ByName = [.. All
            .OrderBy(user => user.NameLast, StringComparer.OrdinalIgnoreCase)
            .ThenBy(user => user.NameFirst, StringComparer.OrdinalIgnoreCase)
            .ThenBy(user => user.UserName, StringComparer.OrdinalIgnoreCase)];
        foreach (var user in All)
        {
            byLogin[user.UserName] = user;
            byLogin[user.Email] = user;
            bySid[user.Sid] = user;
        }
    }

    public IReadOnlyList<UserAccount> All { get; }

    /// <summary>Everyone by last name, then first name: the directory's order, sorted once since a search walks it.</summary>
    public IReadOnlyList<UserAccount> ByName { get; }

    public UserAccount? Find(string? userName) =>
        userName is not null && byLogin.TryGetValue(userName, out var user) && string.Equals(user.UserName, userName, StringComparison.OrdinalIgnoreCase) ? user : null;

    public UserAccount? Find(Guid sid) => bySid.GetValueOrDefault(sid);

    /// <summary>A user signs in with their user name or their email address.</summary>
    public UserAccount? FindByLogin(string? login) => login is null ? null : byLogin.GetValueOrDefault(login);

    public UserAccount? FindByPersonalKey(string? key) =>
        DemoUsers.PersonalKeyOwner(key) is { } userName && Find(userName) is { } user && DemoUsers.IsPersonalKey(key, user) ? user : null;

    // Generated people report to Alex, so that approvals they are given have a requester and a
    // manager like the demo's, and their sids follow the demo's pattern without colliding with it.
    private static UserAccount Generated(int number) => new(
        Guid.Parse($"6e1f4c6a-3b2d-4f7e-9a02-{number:D12}"),
        SimulatorOptions.GeneratedUserName(number),
        "User",
        number.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
        $"{SimulatorOptions.GeneratedUserName(number)}@example.com",
        "Etc/UTC",
        "en-US",
        "Operations",
        "Operations Associate",
        "alexw");
}
