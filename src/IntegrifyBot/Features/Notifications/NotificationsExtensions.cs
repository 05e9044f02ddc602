using IntegrifyBot.Features.Notifications.Push;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Notifications;

public static class NotificationsExtensions
{
    /// <summary>
    /// Notifications: their options, the users' setting, where users are reached, the poller, the daily digests,
    /// Integrify's push, and the outbox's sender (which needs an <see cref="IProactiveSender"/> from
    /// the Teams edge).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationsOptions>()
            .Bind(configuration.GetSection(NotificationsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<SendThrottle>();
        services.AddSingleton<NotificationPoller>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationPoller>());
        services.AddSingleton<DigestScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<DigestScheduler>());
        services.AddSingleton<IntegrifyPushReceiver>();
        services.AddSingleton<IBotFeature, NotificationsFeature>();
        services.AddSingleton<PersonalChats>();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<NotificationDelivery>();
        services.AddHostedService<NotificationSender>();
        return services;
    }
}
