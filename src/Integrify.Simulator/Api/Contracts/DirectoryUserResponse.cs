namespace Integrify.Simulator.Api.Contracts;

/// <summary>U2: a person of the tenant; <c>sid</c> is the contactSid T6 takes.</summary>
internal sealed record DirectoryUserResponse(string Sid, string UserName, string Email, string NameFirst, string NameLast, string Title, string Department);
