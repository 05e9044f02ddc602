namespace IntegrifyBot.Integrify.Web;

/// <summary>A page of the Integrify web app a link points to: which kind, and the sid it names.</summary>
public sealed record IntegrifyPage(IntegrifyPageKind Kind, string Sid);
