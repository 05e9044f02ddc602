using IntegrifyBot.Features.Notifications;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.Tests.Features.Linking;
using IntegrifyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IntegrifyBot.Tests.EndToEnd.PlaygroundTasksTests;
using static IntegrifyBot.Tests.Features.Tasks.TaskListTests;

namespace IntegrifyBot.Tests.EndToEnd;

/// <summary>
/// A task notification in Microsoft's Teams emulator: the demo bot sends it unasked into Alex's
/// personal chat through the emulator's connector, and Approve on it works as in the task list.
/// </summary>
public sealed class PlaygroundNotificationsTests : IAsyncLifetime
{
    private BotApp bot = null!;
    private AgentsPlayground playground = null!;

    public async Task InitializeAsync()
    {
        // A read of the task that times out on a busy machine is tried again in seconds, not minutes.
        bot = BotApp.Demo(new Dictionary<string, string?> { ["Notifications:RetryDelay"] = "00:00:01" });
        playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        await playground.InstallAsync();
        await playground.NextMessageAsync();
    }

    public async Task DisposeAsync()
    {
        await playground.DisposeAsync();
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task A_queued_task_arrives_unasked_in_the_personal_chat_and_approve_on_it_completes_it()
    {
        // "tasks" links Alex without typing (demo mode), and his chat is recorded after that turn.
        await playground.SendAsync("tasks");
        var list = Card(await playground.NextMessageAsync());
        var sid = Data(Button(list, "#1001", "Approve"))["recipientTaskSid"]!.GetValue<string>();
        var alex = new IntegrifyUser(AgentsPlayground.TenantId, AgentsPlayground.UserAadObjectId);

        // The chat is recorded after the turn, which goes on a moment after its answer reached the emulator.
        await ChatOfAsync(alex);

        await bot.Services.GetRequiredService<NotificationOutbox>().EnqueueAsync(alex, sid, NotificationSource.Push, "Jordan starts on Monday.", CancellationToken.None);
        bot.Services.GetRequiredService<NotificationSignal>().Wake();

        var message = await playground.NextMessageAsync(TimeSpan.FromSeconds(30));
        var card = Card(message);
        Assert.Contains("New task for you", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Contains("Jordan starts on Monday.", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Contains("#1001 · Laptop for new hire – Jordan", LinkingBot.Texts(card), StringComparison.Ordinal);

        var answer = await playground.ExecuteAsync(message.GetProperty("messageId").GetString()!, Action(card.GetProperty("actions"), "Approve"));

        Assert.Contains("You chose **Approve** on the task on request #1001", LinkingBot.Texts(answer.GetProperty("value")), StringComparison.Ordinal);
        Assert.Contains("11 open", LinkingBot.Texts(answer.GetProperty("value")), StringComparison.Ordinal);
    }

    private async Task<ConversationAddress> ChatOfAsync(IntegrifyUser user)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await bot.Services.GetRequiredService<ConversationAddresses>().FindAsync(user, CancellationToken.None) is { } chat)
            {
                return chat;
            }

            Assert.True(DateTime.UtcNow < deadline, "The personal chat was not recorded.");
            await Task.Delay(20);
        }
    }
}
