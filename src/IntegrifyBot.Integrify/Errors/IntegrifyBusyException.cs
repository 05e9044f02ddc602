namespace IntegrifyBot.Integrify.Errors;

/// <summary>
/// The bot itself had too many calls to Integrify under way and waiting, so this one was never sent:
/// not Integrify's fault, and nothing was changed. Trying again in a moment works once the crowd thins.
/// </summary>
public sealed class IntegrifyBusyException : IntegrifyException
{
    public IntegrifyBusyException(string message)
        : base(message)
    {
    }

    public IntegrifyBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
