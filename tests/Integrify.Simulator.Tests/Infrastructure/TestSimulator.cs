using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Integrify.Simulator.Tests.Infrastructure;

/// <summary>A simulator of its own for one test, on a free port of 127.0.0.1, with a clock the test moves.</summary>
public sealed class TestSimulator : IAsyncDisposable
{
    /// <summary>A Wednesday afternoon in UTC: "now" for every test unless it moves the clock.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 7, 14, 0, 0, TimeSpan.Zero);

    public const string SigningKey = "integrify-simulator-tests-signing-key-0123456789";
    public const string Password = "Passw0rd!";

    private TestSimulator(SimulatorHost host, ManualClock clock)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public SimulatorHost Host { get; }

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    public static async Task<TestSimulator> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { ControlApi = true, SigningKey = SigningKey };
        configure?.Invoke(options);
        var clock = new ManualClock(Epoch);
        return new TestSimulator(await SimulatorHost.StartAsync(options, clock), clock);
    }

    /// <summary>Signs in with the password (A1) and returns the whole answer.</summary>
    public async Task<JsonElement> LoginAsync(string userName)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/auth/dbauth/demo", null, new { username = userName, password = Password });
        return await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
    }

    public async Task<Session> SignInAsync(string userName) =>
        new(this, (await LoginAsync(userName)).GetProperty("token").GetString()!);

    public Session As(string token) => new(this, token);

    /// <param name="body">Raw JSON as a string, or an object serialized with the web defaults.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
