using IntegrifyBot.Routing;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking;

public static class LinkingExtensions
{
    /// <summary>Linking: its options, services, the feature's routes and the sign-in page's CSRF protection.</summary>
    public static IServiceCollection AddLinking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LinkingOptions>()
            .Bind(configuration.GetSection(LinkingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LinkingOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<LinkingOptions>>(provider => provider.GetRequiredService<LinkingOptionsSetup>());
        services.AddSingleton<IValidateOptions<LinkingOptions>>(provider => provider.GetRequiredService<LinkingOptionsSetup>());

        services.AddSingleton<LinkedAccounts>();
        services.AddSingleton<ILinkedUsers>(provider => provider.GetRequiredService<LinkedAccounts>());
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInAttempts>();
        services.AddSingleton<SignInPages>();
        services.AddSingleton<IBotFeature, LinkingFeature>();

        // The sign-in page's form is checked against a cookie only this site can set (double submit):
        // another site cannot post a sign-in into someone's pending link.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "IntegrifyBot.SignIn";
            options.Cookie.Path = SignInPages.Path;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.FormFieldName = "__csrf";
        });
        return services;
    }
}
