namespace Integrify.Simulator.Workflow;

/// <summary>A person in the tenant. Passwords and API keys live in <see cref="Demo.DemoUsers"/>, not here.</summary>
internal sealed record UserAccount(
    Guid Sid,
    string UserName,
    string NameFirst,
    string NameLast,
    string Email,
    string TimeZone,
    string Locale,
    string Department,
    string Title,
    string? ManagerUserName)
{
    public string FullName => $"{NameFirst} {NameLast}";

    public override string ToString() => UserName;
}
