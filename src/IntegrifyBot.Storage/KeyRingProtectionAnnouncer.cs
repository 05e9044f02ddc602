using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Storage;

/// <summary>
/// Says at start whether the key ring in the database is encrypted: with the key ring in clear, a
/// copy of the database decrypts every user's tokens, and nobody should run that way unawares.
/// </summary>
internal sealed partial class KeyRingProtectionAnnouncer(
    KeyRingCertificates certificates,
    IOptions<StorageOptions> options,
    ILogger<KeyRingProtectionAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (certificates.Current is { } certificate)
        {
            LogProtected(certificate.Subject, certificate.Thumbprint, certificate.NotAfter, certificates.Previous.Count);
        }
        else if (options.Value.KeyRingProtectionRequired)
        {
            // Production would not have started without Storage:AllowUnprotectedKeyRing=true.
            LogUnprotectedByChoice();
        }
        else
        {
            LogUnprotected();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The Data Protection key ring is encrypted with the certificate {Subject} ({Thumbprint}, valid until {NotAfter}); {Previous} earlier certificates decrypt older keys")]
    private partial void LogProtected(string subject, string thumbprint, DateTime notAfter, int previous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "!!! The Data Protection key ring is stored UNENCRYPTED in the database (Storage:AllowUnprotectedKeyRing=true): anyone with a copy of the database can decrypt every user's Integrify tokens. Set Storage:KeyRingCertificatePath. !!!")]
    private partial void LogUnprotectedByChoice();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key ring is stored unencrypted in the database, as demo and development mode allow: a copy of the database can decrypt users' Integrify tokens. Production needs Storage:KeyRingCertificatePath")]
    private partial void LogUnprotected();
}
