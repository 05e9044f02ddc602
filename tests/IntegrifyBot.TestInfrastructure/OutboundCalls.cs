using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Every request the bot's HTTP clients make (the Bot Connector client of each turn, member look-ups,
/// Integrify), recorded as it leaves. One to a host that is not this machine is answered 502 here and
/// goes no further, so a test can show that nothing would have reached another host without needing one.
/// </summary>
public sealed class OutboundCalls
{
    private readonly ConcurrentQueue<Uri> calls = new();

    public IReadOnlyCollection<Uri> All => calls;

    /// <summary>The calls to anywhere but this machine.</summary>
    public IReadOnlyList<Uri> OffThisMachine => [.. calls.Where(uri => !uri.IsLoopback)];

    /// <summary>Puts the recorder in front of every HTTP client the bot makes through IHttpClientFactory.</summary>
    public void Watch(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Recorder(calls)));

    private sealed class Recorder(ConcurrentQueue<Uri> calls) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            calls.Enqueue(uri);
            return uri.IsLoopback
                ? base.SendAsync(request, cancellationToken)
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway) { RequestMessage = request });
        }
    }
}
