using System.Collections.Concurrent;
using System.Net.Http.Json;
using Integrify.Simulator;
using IntegrifyBot.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrifyBot.EndToEndTests.Hosting;

/// <summary>The published bot exports its traces and metrics to an OTLP collector when one is configured.</summary>
public sealed class TelemetryTests(PublishedBot published) : IClassFixture<PublishedBot>
{
    [Theory]
    [InlineData("Telemetry__OtlpEndpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public async Task Traces_and_metrics_are_exported_over_otlp_when_an_endpoint_is_configured(string setting)
    {
        var received = new ConcurrentQueue<string>();
        await using var collector = await StartCollectorAsync(received);
        await using var connector = await LocalConnector.StartAsync();
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions());
        var port = FreePort.Next();
        await using var bot = published.Start(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Bot__Mode"] = "Demo",
            ["Bot__DataFolder"] = Directory.CreateTempSubdirectory("integrifybot-tests-").FullName,
            ["Integrify__BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Integrify__Tenant"] = simulator.Options.Tenant,
            [setting] = collector.Address.ToString(),
            // Export often, so the test waits for seconds, not minutes.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilAsync(async () => (await TryGetAsync(client, "/healthz")) || bot.HasExited, "the bot to start");

        using var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(connector.ServiceUrl, "help"));
        response.EnsureSuccessStatusCode();
        await connector.NextAsync();

        await WaitUntilAsync(() => Task.FromResult(received.Contains("/v1/traces") && received.Contains("/v1/metrics")), "traces and metrics at the collector");
        Assert.Contains("/v1/traces", received);
        Assert.Contains("/v1/metrics", received);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TestBudgets.Eventually;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> TryGetAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<Collector> StartCollectorAsync(ConcurrentQueue<string> received)
    {
        var (app, address) = await LoopbackApp.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (request.ContentType == "application/x-protobuf" && body.Length > 0)
            {
                received.Enqueue(request.Path.Value!);
            }

            return Results.Ok();
        }));
        return new Collector(app, address);
    }

    private sealed record Collector(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
