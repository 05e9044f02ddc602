using System.Text.Encodings.Web;
using System.Text.Unicode;
using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;
using Integrify.Simulator.Auth;
using Integrify.Simulator.Control;
using Integrify.Simulator.Demo;
using Integrify.Simulator.Workflow;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Integrify.Simulator.Hosting;

/// <summary>The services and the request pipeline, the same standalone and in-process.</summary>
internal static class SimulatorApp
{
    public static void AddSimulator(this IServiceCollection services, SimulatorOptions options, TimeProvider time)
    {
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<WorkflowStore>();
        services.AddSingleton<DemoTaskSchedule>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<RefreshTokenStore>();
        services.AddSingleton<CallCounters>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton(provider => new SimulatorControl(
            provider.GetRequiredService<WorkflowStore>(),
            provider.GetRequiredService<TokenService>(),
            provider.GetRequiredService<RefreshTokenStore>(),
            provider.GetRequiredService<FaultInjector>(),
            provider.GetRequiredService<CallCounters>(),
            provider.GetRequiredService<UserDirectory>(),
            provider.GetRequiredService<DemoTaskSchedule>()));
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.Converters.Add(new UtcDateConverter());

            // Names such as "Time off 12–16 Jan" read as written; characters that matter to HTML stay escaped.
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });

        // A body that cannot be read throws, so that ErrorShapeMiddleware answers it in the contract's shape in every environment.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
    }

    public static void UseSimulator(this WebApplication app, SimulatorOptions options)
    {
        app.UseMiddleware<ErrorShapeMiddleware>();
        app.UseStatusCodePages(context => WriteEmptyError(context.HttpContext));
        app.UseRouting();
        app.UseMiddleware<CallCountingMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.MapIntegrifyApi();
        if (options.ControlApi)
        {
            app.MapControlApi();
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Integrify.Simulator");
        SimulatorLog.Serving(logger, options.Tenant, options.ControlApi ? "on under /_sim/" : "off");
        if (options.ControlApi)
        {
            SimulatorLog.ControlApiOn(logger);
        }
    }

    /// <summary>Unknown paths, wrong methods and other empty error answers get the contract's shape too.</summary>
    private static Task WriteEmptyError(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var description = status switch
        {
            StatusCodes.Status404NotFound => $"There is nothing at {context.Request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        return context.Response.WriteAsJsonAsync(new ApiError(status, ReasonPhrases.GetReasonPhrase(status), description));
    }
}
