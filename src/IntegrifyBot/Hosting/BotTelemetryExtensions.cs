using IntegrifyBot.Integrify.Http;
using IntegrifyBot.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IntegrifyBot.Hosting;

internal static class BotTelemetryExtensions
{
    /// <summary>
    /// Traces and metrics of the bot, ASP.NET Core, outgoing HTTP and the runtime. They are exported
    /// over OTLP only when an endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
    /// Telemetry:OtlpEndpoint), so a plain start sends nothing anywhere.
    /// </summary>
    public static WebApplicationBuilder AddBotTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: builder.Configuration["Telemetry:ServiceName"] ?? "integrifybot"))
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = request => !SecretAddresses.Contains(request.RequestUri)))
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (OtlpEndpoint.Read(builder.Configuration) is { } otlp)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, otlp);
        }

        return builder;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.Ordinal) || path.StartsWithSegments("/readyz", StringComparison.Ordinal);
}
