namespace Integrify.Simulator.Api.Contracts;

internal sealed record CurrentUserResponse(string Sid, string UserName, string Email, string NameFirst, string NameLast, string Timezone, string Locale);
