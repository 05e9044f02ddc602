using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Notifications;

/// <summary>
/// Alex decides whether new tasks come to him as messages, through /api/messages: <c>notifications</c>
/// shows the setting with a button to switch it, <c>notifications on</c> and <c>off</c> switch it.
/// </summary>
public sealed class NotificationSettingsTests : NotifiedAlexTests
{
    [Fact]
    public async Task Notifications_shows_the_setting_with_a_button_that_switches_it()
    {
        var shown = await Bot.SayAsync("notifications");

        Assert.Contains("**On.**", LinkingBot.Texts(shown), StringComparison.Ordinal);
        var turnOff = Action(shown.GetProperty("actions"), "Turn off");

        var switched = await Bot.ClickAsync(turnOff.GetProperty("verb").GetString()!, Data(turnOff));

        Assert.Contains("**Off.**", LinkingBot.Texts(switched), StringComparison.Ordinal);
        Assert.Equal(["Turn on"], Titles(switched.GetProperty("actions")));
        var settings = await Bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None);
        Assert.False(settings.Enabled);
    }

    [Theory]
    [InlineData("notifications off", false)]
    [InlineData("Notifications OFF.", false)]
    [InlineData("notify on", true)]
    public async Task On_and_off_switch_the_setting(string typed, bool enabled)
    {
        var card = await Bot.SayAsync(typed);

        Assert.Contains(enabled ? "Notifications are on" : "Notifications are off", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(enabled, (await Bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None)).Enabled);
    }

    [Fact]
    public async Task Anything_else_after_notifications_says_what_it_takes_and_changes_nothing()
    {
        var card = await Bot.SayAsync("notifications sometimes");

        Assert.Contains("Send **notifications on**, **notifications off** or **notifications digest 8am**.", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.True((await Bot.Service<NotificationPreferences>().GetAsync(LinkingBot.Alex, CancellationToken.None)).Enabled);
    }
}
