using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// Linking in the chat itself, through /api/messages, the real adapter and real HTTP to the simulator:
/// the link card, its masked password and API key forms, and what happens when Integrify says no.
/// </summary>
public sealed class InCardLinkingTests : IAsyncLifetime
{
    private const string Password = "Passw0rd!";
    private LinkingBot bot = null!;

    public async Task InitializeAsync() => bot = await LinkingBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task An_unlinked_user_who_asks_for_something_gets_the_link_card_with_every_method()
    {
        var card = await bot.SayAsync("status");

        var texts = LinkingBot.Texts(card);
        Assert.Contains("Link your Integrify account", texts, StringComparison.Ordinal);
        Assert.Contains("never stored", texts, StringComparison.Ordinal);

        // The page button opens the bot's own page; the two forms mask what is typed.
        var page = LinkingBot.SignInPage(card);
        Assert.Equal(bot.Bot.BaseAddress.Port, page.Port);
        Assert.Equal("/link", page.AbsolutePath);
        Assert.StartsWith("?state=", page.Query, StringComparison.Ordinal);
        var inputs = LinkingBot.Inputs(card);
        Assert.Equal("password", inputs["password"].GetProperty("style").GetString());
        Assert.Equal("password", inputs["apiKey"].GetProperty("style").GetString());
        Assert.False(inputs["userName"].TryGetProperty("style", out _));
        Assert.Equal(0, bot.Simulator.Counters.Calls("U1"));
    }

    [Fact]
    public async Task The_password_form_links_replaces_the_card_and_status_shows_the_link()
    {
        var linked = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = Password });

        Assert.Contains("You're linked", LinkingBot.Texts(linked), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, linked.ToString(), StringComparison.Ordinal);
        Assert.Empty(LinkingBot.Inputs(linked));
        var stored = await bot.StoredAsync();
        Assert.Equal(("alexw", LinkMethod.Password), (stored?.UserName, stored?.Method));
        Assert.NotNull(stored!.RefreshToken);

        var status = LinkingBot.Texts(await bot.SayAsync("whoami"));
        Assert.Contains("alexw", status, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber", status, StringComparison.Ordinal);
        Assert.Contains("With your Integrify password", status, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A1"));
        Assert.Equal(1, bot.Simulator.Counters.CallsBy("alexw", "U1"));
    }

    [Fact]
    public async Task A_refused_password_shows_integrifys_words_keeps_the_username_and_stores_nothing()
    {
        var card = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = "wrong-" + Password });

        var texts = LinkingBot.Texts(card);
        Assert.Contains("Wrong tenant, user name or password.", texts, StringComparison.Ordinal);
        var inputs = LinkingBot.Inputs(card);
        Assert.Equal("alexw", inputs["userName"].GetProperty("value").GetString());
        Assert.False(inputs["password"].TryGetProperty("value", out _));
        Assert.DoesNotContain(Password, card.ToString(), StringComparison.Ordinal);
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task An_empty_form_is_asked_again_without_calling_integrify()
    {
        var card = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw" });

        Assert.Contains("Please enter your Integrify username and password.", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(0, bot.Simulator.Counters.Calls("A1"));
    }

    [Fact]
    public async Task Five_refused_sign_ins_pause_sign_in_and_the_sixth_never_reaches_integrify()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = $"guess-{attempt}" });
        }

        var card = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = Password });

        Assert.Contains("Too many sign-ins failed", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(5, bot.Simulator.Counters.Calls("A1"));
        Assert.Null(await bot.StoredAsync());

        // Fifteen minutes after the first failure, the user may try again.
        bot.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var linked = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = Password });
        Assert.Contains("You're linked", LinkingBot.Texts(linked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_api_key_links_with_A3()
    {
        var card = await bot.ClickAsync("link.apikey", new JsonObject { ["apiKey"] = "demo-key-alexw" });

        Assert.Contains("with your personal API key", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(LinkMethod.PersonalApiKey, (await bot.StoredAsync())?.Method);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A3"));
        Assert.DoesNotContain("demo-key-alexw", card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_integrify_outage_during_sign_in_says_so_and_does_not_count_against_the_user()
    {
        bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/auth", Status = 503 });

        var card = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = Password });

        Assert.Contains("Integrify isn't answering", LinkingBot.Texts(card), StringComparison.Ordinal);
        await using var database = await bot.DatabaseAsync();
        Assert.Empty(database.SignInFailures);
    }

    [Fact]
    public async Task Neither_a_password_nor_an_api_key_reaches_the_logs()
    {
        await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = "wrong-" + Password });
        await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = Password });
        await bot.ClickAsync("link.apikey", new JsonObject { ["apiKey"] = "demo-key-meganb" });

        Assert.Contains(bot.Logs.Lines, line => line.Contains("linked their Integrify account", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Contains(Password, StringComparison.Ordinal) || line.Contains("demo-key-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_channel_the_link_card_sends_people_to_the_personal_chat_without_a_form()
    {
        var activity = TeamsActivities.ChannelMessage(bot.Connector.ServiceUrl, "sign in");

        var card = await bot.SendAsync(activity);

        Assert.Contains("open a chat with me and send **sign in**", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Empty(LinkingBot.Inputs(card));
        Assert.False(card.TryGetProperty("actions", out _));
    }
}
