namespace IntegrifyBot.TestInfrastructure;

/// <summary>One of the Teams emulator's mock users, as its configuration file names them.</summary>
public sealed record PlaygroundUser(string Id, string Name, string Email, string AadObjectId);
