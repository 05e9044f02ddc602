using IntegrifyBot.Features.Help;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features;

public static class FeatureExtensions
{
    /// <summary>The router and every feature whose commands and card verbs it routes.</summary>
    public static IServiceCollection AddBotFeatures(this IServiceCollection services)
    {
        services.AddSingleton<BotRouter>();
        services.AddSingleton<RouterMetrics>();
        services.AddSingleton<IBotFeature, HelpFeature>();
        return services;
    }
}
