using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage.Providers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Storage;

public static class BotStorageExtensions
{
    /// <summary>Shared by every instance, so each can read what another encrypted.</summary>
    public const string ApplicationName = "IntegrifyBot";

    /// <summary>
    /// The bot's database (section "Storage": SQLite by default in Bot:DataFolder, or PostgreSQL), its
    /// Data Protection key ring (encrypted with the certificate of Storage:KeyRingCertificatePath),
    /// and the encrypted token store in place of the in-memory one. The database is migrated when the
    /// host starts; without a host, call <see cref="MigrateBotDatabaseAsync"/>.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(options => options.DataFolder = configuration["Bot:DataFolder"] is { Length: > 0 } folder ? folder : options.DataFolder)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddSingleton<IBotDatabaseProvider>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.Sqlite => new SqliteDatabaseProvider(options),
                StorageProvider.Postgres => new PostgresDatabaseProvider(options),
                _ => throw new InvalidOperationException($"Storage:Provider {options.Provider} is not supported."),
            };
        });
        services.AddDbContextFactory<BotDbContext, BotDbContextFactory>((provider, builder) => provider.GetRequiredService<IBotDatabaseProvider>().Configure(builder));

        // The key ring lives in the database beside the ciphertext it decrypts, so a certificate
        // encrypts it there. Data Protection takes its certificates now, not from options; one that
        // cannot be read is left out here, and the validator stops the start saying why.
        var certificates = KeyRingCertificates.Load(KeyRingSettings(configuration.GetSection(StorageOptions.Section)));
        services.AddSingleton(certificates);
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<BotDbContext>();
        if (certificates.Current is { } current)
        {
            dataProtection.ProtectKeysWithCertificate(current);
        }

        if (certificates.Previous.Count > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate([.. certificates.Previous]);
        }

        services.AddHostedService<KeyRingProtectionAnnouncer>();

        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<IIntegrifyTokenStore, EfTokenStore>());
        services.AddSingleton<SignInStates>();
        services.AddSingleton<SignInFailures>();
        services.AddSingleton<ReportExports>();
        services.AddSingleton<ConversationAddresses>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<TenantSendLeases>();
        services.AddSingleton<NotificationPreferences>();
        services.AddSingleton<LinkedUsers>();
        services.AddSingleton<LinkedTeamsUsers>();
        services.AddSingleton<PushReplays>();
        services.AddSingleton<BotUserData>();
        // First of all hosted services: Data Protection's own loads the key ring from this database
        // at start, so the tables must exist by then.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, BotDatabaseMigrator>());
        return services;
    }

    // Only the key ring's settings, read as plain strings: a bad value elsewhere in the section is
    // the validator's to report at start, in one line, not an exception here.
    private static StorageOptions KeyRingSettings(IConfigurationSection storage)
    {
        var settings = new StorageOptions
        {
            KeyRingCertificatePath = storage[nameof(StorageOptions.KeyRingCertificatePath)],
            KeyRingCertificatePassword = storage[nameof(StorageOptions.KeyRingCertificatePassword)],
        };
        foreach (var file in storage.GetSection(nameof(StorageOptions.PreviousKeyRingCertificates)).GetChildren())
        {
            settings.PreviousKeyRingCertificates.Add(new KeyRingCertificateFile { Path = file[nameof(KeyRingCertificateFile.Path)], Password = file[nameof(KeyRingCertificateFile.Password)] });
        }

        return settings;
    }

    /// <summary>
    /// Applies the pending migrations, then the provider's one-off settings, then makes sure the
    /// Data Protection key ring has a key, so instances starting together find one key, not each their own.
    /// </summary>
    public static async Task MigrateBotDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var contexts = services.GetRequiredService<IDbContextFactory<BotDbContext>>();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
        await services.GetRequiredService<IBotDatabaseProvider>().PrepareAsync(context, cancellationToken);
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicationName).Protect([]);
    }
}
