namespace IntegrifyBot.Integrify.Errors;

/// <summary>The Teams user has no Integrify link at all: they never linked, or they signed out.</summary>
public sealed class IntegrifyNotLinkedException(string message) : IntegrifyLinkExpiredException(message);
