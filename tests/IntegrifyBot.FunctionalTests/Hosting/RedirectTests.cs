using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrifyBot.FunctionalTests.Hosting;

/// <summary>
/// A redirect would carry a request past the checks on where the bot may send: the bot's HTTP
/// clients never follow one, whether it comes from a connector or from Integrify.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private readonly List<WebApplication> apps = [];

    [Fact]
    public async Task A_reply_redirected_by_the_connector_goes_nowhere_else()
    {
        await using var bot = await LinkingBot.StartAsync();
        await using var elsewhere = await LocalConnector.StartAsync();
        var (redirector, asked) = await RedirectorAsync(() => elsewhere.ServiceUrl);

        using var response = await bot.Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(redirector, "help"));

        Assert.True(asked.Count > 0, "The bot sent its reply to the connector it was given.");
        Assert.Empty(elsewhere.History);
    }

    [Fact]
    public async Task A_sign_in_redirected_by_integrify_goes_nowhere_else()
    {
        Uri? simulator = null;
        var (redirector, asked) = await RedirectorAsync(() => simulator!);
        await using var bot = await LinkingBot.StartAsync(new Dictionary<string, string?> { ["Integrify:BaseUrl"] = redirector.ToString() });
        simulator = bot.Simulator.BaseAddress;

        var card = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = "Passw0rd!" });

        Assert.True(asked.Count > 0, "The bot called the Integrify it was configured with.");
        Assert.Equal(0, bot.Simulator.Counters.Calls("A1"));
        Assert.Null(await bot.StoredAsync());
        Assert.DoesNotContain("You're linked", LinkingBot.Texts(card), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A server on this machine that answers every request with a 307 to the same path on <paramref name="target"/>.</summary>
    private async Task<(Uri Address, List<string> Asked)> RedirectorAsync(Func<Uri> target)
    {
        var asked = new List<string>();
        var (app, address) = await LoopbackApp.StartAsync(app => app.Run(context =>
        {
            lock (asked)
            {
                asked.Add(context.Request.Path);
            }

            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(target(), context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString).ToString();
            return Task.CompletedTask;
        }));
        apps.Add(app);
        return (address, asked);
    }
}
