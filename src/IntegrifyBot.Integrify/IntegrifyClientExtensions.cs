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
using Polly.Telemetry;
using Polly.Timeout;
using Refit;

namespace IntegrifyBot.Integrify;

public static class IntegrifyClientExtensions
{
    /// <summary>The HTTP client of calls made for a user (with their token).</summary>
    public const string ApiClient = "integrify";

    /// <summary>The HTTP client of the sign-in calls, which carry secrets and log nothing.</summary>
    public const string AuthClient = "integrify-auth";

    /// <summary>Polly's event for each attempt of a call: Information when it succeeded, Warning when it failed.</summary>
    private const string ExecutionAttemptEvent = "ExecutionAttempt";

    /// <summary>
    /// The typed Integrify client: one Refit interface per area, each call made for the user it
    /// names. Its handlers, outermost first: typed errors, the deployment's paths and permission values
    /// (Integrify:Paths, Integrify:Permissions), the user's token, resilience (a bulkhead, timeouts,
    /// retries of reads only, a circuit breaker, all per host), and the host guard.
    /// </summary>
    /// <remarks>
    /// Only time spent on Integrify's side counts against Integrify. The token is obtained (perhaps a
    /// database read, perhaps a sign-in call) and a slot of the bulkhead is granted before any of
    /// Integrify's timeouts start: a call waiting for either is the bot's own load, not Integrify's
    /// slowness, and the user's turn budget alone bounds that wait.
    /// </remarks>
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
        services.TryAddSingleton<IntegrifyCallLoad>();
        services.TryAddSingleton<Web.IntegrifyWebLinks>();

        // Polly reports every attempt of every call; a successful one is no news, and ten lines per
        // turn would bury the warnings about attempts that failed or were retried.
        services.Configure<TelemetryOptions>(telemetry =>
        {
            var given = telemetry.SeverityProvider;
            telemetry.SeverityProvider = arguments =>
                arguments.Event.EventName == ExecutionAttemptEvent && arguments.Event.Severity == ResilienceEventSeverity.Information
                    ? ResilienceEventSeverity.Debug
                    : given?.Invoke(arguments) ?? arguments.Event.Severity;
        });
        services.TryAddSingleton<IIntegrifyTokenStore, InMemoryTokenStore>();
        services.TryAddSingleton<TurnCredentials>();
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

        // The token before the pipeline: obtaining it must not run down Integrify's timeouts.
        if (withUserToken)
        {
            client.AddHttpMessageHandler<IntegrifyAuthHandler>();
        }

        client.AddResilienceHandler(name, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<IntegrifyOptions>>().Value;
                var load = context.ServiceProvider.GetRequiredService<IntegrifyCallLoad>();
                var gate = load.Gate(name, context.InstanceName, options);

                // The bulkhead comes first, so that the total timeout starts only once a call may leave.
                pipeline
                    .AddRateLimiter(gate.Strategy())
                    .AddTimeout(options.TotalTimeout)
                    .AddRetry(ReadRetry(options))
                    .AddCircuitBreaker(CircuitBreaker(gate, load, options))
                    .AddTimeout(options.AttemptTimeout);
            })
            .SelectPipelineByAuthority();

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
    //
    // It counts only Integrify's failures. Every attempt it sees has left the bot: the token was
    // obtained and the bulkhead admitted the call before this strategy (a refusal of the bulkhead, a
    // cancelled turn and the host guard's refusal are not failures here). It counts 5xx, 408, 429,
    // refused or reset connections, and attempt timeouts - except a timeout while the process itself
    // lags: when a 100 ms timer of this process ran late by half the attempt timeout or more, the
    // answer may have sat in a socket waiting for a thread, and a burst of local work (a crowd at
    // 9 a.m. on two cores) must not open the breaker for everyone. The lag is measured by that timer
    // rather than by ThreadPool.PendingWorkItemCount, whose count says nothing about how long the work
    // waits. Twenty attempts in the sampling window are needed before the ratio means anything.
    private static HttpCircuitBreakerStrategyOptions CircuitBreaker(IntegrifyCallLoad.HostGate gate, IntegrifyCallLoad load, IntegrifyOptions options)
    {
        var breaker = new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
            OnOpened = _ =>
            {
                gate.BreakerOpen = true;
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                gate.BreakerOpen = false;
                return ValueTask.CompletedTask;
            },
        };
        var integrifyFailure = breaker.ShouldHandle;
        breaker.ShouldHandle = arguments =>
            arguments.Outcome.Exception is TimeoutRejectedException && load.ExcusesTimeout(options.AttemptTimeout)
                ? PredicateResult.False()
                : integrifyFailure(arguments);
        return breaker;
    }
}
