using Integrify.Simulator;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Many people of one Teams tenant, each linked to one of the simulator's generated users
/// (<see cref="SimulatorOptions.GeneratedUsers"/>) and with a personal chat with the bot on a
/// <see cref="LocalConnector"/>.
/// </summary>
public static class LinkedCrowd
{
    public const string TenantId = "7c0f1d2e-3a4b-4c5d-8e6f-0000000c2d00";

    public const string BotId = "28:integrify-bot";

    public const string Password = "Passw0rd!";

    /// <summary>The Teams user linked to the simulator's <c>user{number}</c>.</summary>
    public static IntegrifyUser TeamsUser(int number) => new(TenantId, $"aad-crowd-{number:D5}");

    /// <summary>Their personal chat with the bot.</summary>
    public static string ConversationId(int number) => $"a:crowd-{number:D5}";

    /// <summary>
    /// Links people 1 to <paramref name="count"/>. Linking ten thousand people by chatting with the bot
    /// would test linking, which has its own tests: here each signs in through the bot's own
    /// sign-in service (a real password sign-in to the simulator, its credential stored encrypted)
    /// and their chat is recorded as the bot records it when the app is installed.
    /// </summary>
    public static async Task LinkAsync(IServiceProvider bot, Uri serviceUrl, int count, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var signIn = bot.GetRequiredService<IntegrifySignIn>();
        var addresses = bot.GetRequiredService<ConversationAddresses>();
        await Parallel.ForEachAsync(
            Enumerable.Range(1, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (number, token) =>
            {
                var user = TeamsUser(number);
                await signIn.WithPasswordAsync(user, SimulatorOptions.GeneratedUserName(number), Password, token);
                await addresses.SaveAsync(new ConversationAddress(user, ConversationId(number), serviceUrl.ToString(), BotId), token);
            });
    }
}
