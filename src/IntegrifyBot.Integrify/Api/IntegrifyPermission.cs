namespace IntegrifyBot.Integrify.Api;

/// <summary>
/// A permission value a call sends (R1, R4, P1): its name under Integrify:Permissions, the value the
/// contract gives, and where it travels: the query parameter or the path placeholder of that name.
/// </summary>
internal sealed record IntegrifyPermission(string Name, string Value, string Parameter, bool InPath);
