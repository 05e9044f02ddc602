using IntegrifyBot.Features.Notifications.Push;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Notifications;

public static class NotificationsExtensions
{
    /// <summary>Notifications: their options, the users' setting, where users are reached, the outbox's sender, the poller and Integrify's push endpoint.</summary>
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
        services.AddSingleton<IntegrifyPushReceiver>();
        services.AddSingleton<IBotFeature, NotificationsFeature>();
        services.AddSingleton<PersonalChats>();
        return services;
    }
}
