using IntegrifyBot.Features.Help;
using IntegrifyBot.Features.Linking;
using IntegrifyBot.Features.Linking.Page;
using IntegrifyBot.Features.Notifications;
using IntegrifyBot.Features.Reports;
using IntegrifyBot.Features.Reports.Export;
using IntegrifyBot.Features.Requests;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features;

public static class FeatureExtensions
{
    /// <summary>The router and every feature whose commands and card verbs it routes.</summary>
    public static IServiceCollection AddBotFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BotRouter>();
        services.AddSingleton<RouterMetrics>();
        services.AddSingleton<IBotFeature, HelpFeature>();
        services.AddLinking(configuration);
        services.AddOptions<TasksOptions>().Bind(configuration.GetSection(TasksOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApprovalChoices>();
        services.AddSingleton<TaskActions>();
        services.AddSingleton<TaskFinder>();
        services.AddSingleton<SharedViews>();
        services.AddSingleton<IBotFeature, TasksFeature>();
        services.AddSingleton<IBotFeature, ReassignFeature>();
        services.AddSingleton<SeveralDecisions>();
        services.AddSingleton<IBotFeature, SeveralFeature>();
        services.AddMemoryCache();
        services.AddSingleton<RequestStarts>();
        services.AddSingleton<IBotFeature, RequestsFeature>();
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportExportLinks>();
        services.AddSingleton<IBotFeature, ReportsFeature>();
        services.AddSingleton<IBotFeature, NotificationsFeature>();
        return services;
    }

    /// <summary>The features' own endpoints: the sign-in page and report downloads.</summary>
    public static IEndpointRouteBuilder MapBotFeatures(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapSignInPage().MapReportExports();
}
