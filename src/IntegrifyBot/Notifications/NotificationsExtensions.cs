using IntegrifyBot.Routing;
using IntegrifyBot.Notifications.Push;
using IntegrifyBot.Conversations;

namespace IntegrifyBot.Notifications;

public static class NotificationsExtensions
{
    /// <summary>
    /// The notification pipeline: its options, where users are reached, the poller, the daily digests,
    /// Integrify's push, and the outbox's sender (which needs an <see cref="IProactiveSender"/> from
    /// the Teams edge). The chat command that changes a user's settings is a feature of its own.
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
        services.AddSingleton<TaskAnnouncer>();
        services.AddSingleton<ITaskAnnouncer>(provider => provider.GetRequiredService<TaskAnnouncer>());
        services.AddSingleton<IntegrifyPushReceiver>();
        services.AddSingleton<PersonalChats>();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<NotificationDelivery>();
        services.AddHostedService<NotificationSender>();
        return services;
    }

    /// <summary>The pipeline's own endpoint: Integrify's push of new tasks.</summary>
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapIntegrifyPush();
}
