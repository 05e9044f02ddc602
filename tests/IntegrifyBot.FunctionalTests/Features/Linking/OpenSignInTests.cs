using IntegrifyBot.TestInfrastructure;
using System.Net;
using System.Text.Json.Nodes;
using IntegrifyBot.Routing;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// Link cards through the real host: each one's sign-in page gets a row, and however many cards one
/// person asks for, one after another or at once, only their three newest sign-ins are kept.
/// </summary>
public sealed class OpenSignInTests : IAsyncLifetime
{
    private const int Kept = 3;
    private const int Requests = 100;

    // At once, fewer: each turn takes the database's write lock on SQLite in turn, and a hundred queued
    // behind each other on a busy machine would come close to the test client's time-out.
    private const int AtOnce = 50;

    private LinkingBot bot = null!;

    public async Task InitializeAsync() => bot = await LinkingBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_hundred_sign_in_messages_leave_three_open_sign_ins_and_only_the_newest_pages_work()
    {
        var pages = new List<Uri>();
        for (var i = 0; i < Requests; i++)
        {
            pages.Add(LinkingBot.SignInPage(await bot.SayAsync("sign in")));

            // A second apart, so that which page is the oldest is never a tie.
            bot.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(Kept, await bot.OpenSignInsAsync());
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(pages[^1]));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(pages[^Kept]));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(pages[^(Kept + 1)]));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(pages[0]));
    }

    [Fact]
    public async Task Fifty_sign_in_requests_at_once_leave_three_open_sign_ins_and_the_next_page_works()
    {
        var cards = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ =>
            bot.ClickAsync(RunCommandData.Verb, new JsonObject { ["text"] = "sign in" })));

        SignInBursts.AssertLinkCards(cards.Select(LinkingBot.Texts));
        Assert.Equal(Kept, await bot.OpenSignInsAsync());

        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = LinkingBot.SignInPage(await bot.SayAsync("sign in"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(next));
        Assert.Equal(Kept, await bot.OpenSignInsAsync());
    }

    [Fact]
    public async Task A_sign_in_waiting_for_its_code_survives_the_cards_shown_before_the_code_is_sent()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));
        var code = SignInPageBrowser.CodeOn(await bot.Browser.SubmitAsync(page, new() { ["method"] = "apikey", ["apiKey"] = "demo-key-alexw" }));

        // Before sending the code, Alex asks for other things, and each answer is a link card.
        for (var i = 0; i < Kept + 2; i++)
        {
            bot.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Contains("Link your Integrify account", LinkingBot.Texts(await bot.SayAsync(i % 2 == 0 ? "status" : "sign in")), StringComparison.Ordinal);
        }

        Assert.Equal(Kept, await bot.OpenSignInsAsync());
        Assert.Contains("with your personal API key", LinkingBot.Texts(await bot.SayAsync(code)), StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> StatusOfAsync(Uri page)
    {
        using var response = await bot.Browser.Client.GetAsync(page);
        return response.StatusCode;
    }
}
