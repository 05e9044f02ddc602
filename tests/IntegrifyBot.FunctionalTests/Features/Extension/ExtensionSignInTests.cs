using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;
using static IntegrifyBot.FunctionalTests.Features.Extension.ExtensionReading;

namespace IntegrifyBot.FunctionalTests.Features.Extension;

/// <summary>
/// Someone not yet linked who uses the message extension gets Teams' sign-in answer: a link to the
/// bot's sign-in page, in Teams' popup. Teams then repeats the request with the page's code, and the
/// search, link or dialog works at once. With zero-touch linking on, it simply works.
/// </summary>
public sealed class ExtensionSignInTests : IAsyncLifetime
{
    private LinkingBot bot = null!;

    public async Task InitializeAsync() => bot = await LinkingBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_search_by_someone_not_linked_answers_with_teams_sign_in_to_the_bots_page()
    {
        var page = SignInLink(await bot.InvokeAsync("composeExtension/query", Query("myTasks", search: null)));

        Assert.Equal("/link", page.AbsolutePath);
        Assert.StartsWith("state=", page.Query.TrimStart('?'), StringComparison.Ordinal);
        Assert.Equal(0, bot.Simulator.Counters.Calls("T1"));
    }

    [Fact]
    public async Task After_signing_in_on_the_page_the_repeated_search_links_and_answers()
    {
        var page = SignInLink(await bot.InvokeAsync("composeExtension/query", Query("myTasks", search: null)));
        var code = SignInPageBrowser.CodeOn(await bot.Browser.SubmitAsync(page, new() { ["method"] = "apikey", ["apiKey"] = "demo-key-alexw" }));

        var repeated = Query("myTasks", search: null);
        repeated["state"] = code;
        var results = Results(await bot.InvokeAsync("composeExtension/query", repeated));

        Assert.Equal(12, results.Count);
        Assert.NotNull(await bot.StoredAsync());
    }

    [Fact]
    public async Task A_wrong_code_from_the_popup_gets_the_sign_in_answer_again()
    {
        var repeated = Query("myTasks", search: null);
        repeated["state"] = "123456";

        SignInLink(await bot.InvokeAsync("composeExtension/query", repeated));
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task The_dialog_and_a_pasted_link_ask_to_sign_in_too()
    {
        var dialog = await bot.InvokeAsync("composeExtension/fetchTask", new JsonObject { ["commandId"] = "startRequest", ["commandContext"] = "compose" });
        var link = await bot.InvokeAsync("composeExtension/queryLink", new JsonObject { ["url"] = new Uri(bot.Simulator.BaseAddress, "#/section-dashboard/request/6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001").ToString() });

        SignInLink(dialog);
        SignInLink(link);
    }

    [Fact]
    public async Task A_link_to_another_site_asks_nobody_to_sign_in()
    {
        var answer = await bot.InvokeAsync("composeExtension/queryLink", new JsonObject { ["url"] = "https://example.com/anything" });

        Assert.Empty(Results(answer));
    }

    [Fact]
    public async Task With_zero_touch_linking_the_first_search_just_works()
    {
        await using var zeroTouch = await LinkingBot.StartAsync(new Dictionary<string, string?>
        {
            ["Linking:ZeroTouch:Enabled"] = "true",
            ["Linking:ZeroTouch:AllowedDomains:0"] = "example.com",
        });
        zeroTouch.ListAlexAsMember();

        var results = Results(await zeroTouch.InvokeAsync("composeExtension/query", Query("myTasks", search: null), conversation: TeamsActivities.GroupChat()));

        Assert.Equal(12, results.Count);
    }

    /// <summary>The page Teams' sign-in answer opens in its popup.</summary>
    private static Uri SignInLink(JsonElement answer)
    {
        var extension = answer.GetProperty("composeExtension");
        Assert.Equal("auth", extension.GetProperty("type").GetString());
        var action = Assert.Single(extension.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
        Assert.Equal("openUrl", action.GetProperty("type").GetString());
        return new Uri(action.GetProperty("value").GetString()!);
    }
}
