using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Integrify.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace IntegrifyBot.Integrify;

public static class IntegrifyClientExtensions
{
    /// <summary>The HTTP client of calls made for a user (with their token).</summary>
    public const string ApiClient = "integrify";

    /// <summary>The HTTP client of the sign-in calls, which carry secrets and log nothing.</summary>
    public const string AuthClient = "integrify-auth";

    /// <summary>
    /// The typed Integrify client: one Refit interface per area, each call made for the user it
    /// names. Its handlers, outermost first: typed errors, the deployment's paths and permission values
    /// (Integrify:Paths, Integrify:Permissions), resilience (timeouts, retries of reads only, a circuit
    /// breaker per host), the user's token, and the host guard.
    /// </summary>
    /// <remarks>A bad "Integrify" section stops the host from starting.</remarks>
    public static IServiceCollection AddIntegrifyClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IntegrifyOptions>()
            .Bind(configuration.GetSection(IntegrifyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntegrifyOptions>, IntegrifyContractValidation>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIntegrifyTokenStore, InMemoryTokenStore>();
        services.AddSingleton<IntegrifyTokenProvider>();
        services.AddSingleton<IntegrifySignIn>();
        services.AddTransient<IntegrifyErrorHandler>();
        services.AddTransient<IntegrifyContractHandler>();
        services.AddTransient<IntegrifyHostGuard>();
        services.AddTransient<IntegrifyAuthHandler>();

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(IntegrifyJson.Options))
        {
            // The error handler already turned every failure into a typed IntegrifyException; Refit
            // passes it on as it is instead of wrapping it in one of its own (whose message would
            // carry the request's address, which can hold an API key).
            TransportExceptionFactory = (_, exception, cancellationToken) =>
                exception is IntegrifyException || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    ? exception
                    : new IntegrifyUnavailableException("Integrify could not be reached.", exception),
            DeserializationExceptionFactory = (_, exception) =>
                ValueTask.FromResult<Exception?>(new IntegrifyException("Integrify answered in a shape the bot does not understand.", exception)),

            // Refit sets the primary handler of the clients it registers; without this, its own.
            HttpMessageHandlerFactory = IntegrifyPrimaryHandler.Create,
        };

        // Each interface is a typed client of the factory: resolved afresh, it gets a handler chain
        // the factory renews. Several interfaces share one named client, whose chain is built once.
        // The generated registration uses the implementations Refit's source generator writes at build
        // time; AddRefitClient would need Refit's reflection request builder (Refit.Reflection).
        services.AddRefitGeneratedClient<IIntegrifyAuthApi>(settings, AuthClient);
        services.AddRefitGeneratedClient<IIntegrifyUserApi>(settings, ApiClient);
        services.AddRefitGeneratedClient<IIntegrifyTasksApi>(settings, ApiClient);
        services.AddRefitGeneratedClient<IIntegrifyRequestsApi>(settings, ApiClient);
        services.AddRefitGeneratedClient<IIntegrifyReportsApi>(settings, ApiClient);
        AddHandlers(services, AuthClient, withUserToken: false);
        AddHandlers(services, ApiClient, withUserToken: true);
        return services;
    }

    private static void AddHandlers(IServiceCollection services, string name, bool withUserToken)
    {
        var client = services.AddHttpClient(name, (provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<IntegrifyOptions>>().Value.BaseUrl;

                // The resilience pipeline's total timeout governs; this one only must not cut it short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<IntegrifyErrorHandler>()
            .AddHttpMessageHandler<IntegrifyContractHandler>();

        // Addresses of sign-in calls can hold an API key: no request logging for this client at all.
        if (!withUserToken)
        {
            client.RemoveAllLoggers();
        }

        client.AddResilienceHandler(name, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<IntegrifyOptions>>().Value;
                pipeline
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(ReadRetry(options))
                    .AddCircuitBreaker(CircuitBreaker())
                    .AddTimeout(options.AttemptTimeout);
            })
            .SelectPipelineByAuthority();

        if (withUserToken)
        {
            client.AddHttpMessageHandler<IntegrifyAuthHandler>();
        }

        client.AddHttpMessageHandler<IntegrifyHostGuard>();
    }

    private static HttpRetryStrategyOptions ReadRetry(IntegrifyOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldRetryAfterHeader = true,
        };
        var transient = retry.ShouldHandle;
        var maxRetries = options.MaxRetries;
        retry.ShouldHandle = arguments =>
            maxRetries > 0 && RepeatableRequests.IsRepeatable(arguments.Context.GetRequestMessage())
                ? transient(arguments)
                : PredicateResult.False();
        return retry;
    }

    // When most recent calls to an instance fail, stop calling it for a while: users get an answer at
    // once instead of waiting out every timeout, and a struggling Integrify gets room to recover.
    private static HttpCircuitBreakerStrategyOptions CircuitBreaker() => new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 10,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(15),
    };
}
