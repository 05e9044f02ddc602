using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// The failed sign-in limit through the real host: attempts at once, attempts against other people's
/// accounts, and what a success or a sign-out may forgive. The limit is the default, five refused
/// sign-ins in fifteen minutes, and the bot's clock does not move, so nothing leaves the window.
/// The turn's budgets are the longest allowed, so that a busy machine does not cut turns short.
/// </summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private const int Limit = 5;
    private const string Password = "Passw0rd!";
    private const string Refused = SignInBursts.Refused;
    private const string Throttled = SignInBursts.Throttled;

    private LinkingBot bot = null!;

    public async Task InitializeAsync() => bot = await LinkingBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Thirty_wrong_passwords_at_once_through_the_card_and_the_page_reach_integrify_at_most_five_times()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));
        var csrf = await bot.Browser.OpenAsync(page);

        var throughCards = Enumerable.Range(0, 15).Select(async i =>
            LinkingBot.Texts(await bot.ClickAsync("link.password", WrongPassword("alexw", i))));
        var throughPage = Enumerable.Range(15, 15).Select(async i =>
            (await bot.Browser.PostAsync(page, new() { ["method"] = "password", ["userName"] = "alexw", ["password"] = $"guess-{i}" }, csrf)).Html);
        var answers = await Task.WhenAll(throughCards.Concat(throughPage));

        SignInBursts.AssertLimited(answers, bot.Simulator.Counters.Calls("A1"), Limit);
        Assert.Equal(Limit, await bot.SignInFailuresAsync());
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task Guesses_at_a_colleagues_password_are_not_forgiven_by_signing_in_as_oneself_or_by_signing_out()
    {
        for (var i = 0; i < Limit - 1; i++)
        {
            Assert.Contains(Refused, await PasswordAsync(WrongPassword("meganb", i)), StringComparison.Ordinal);
        }

        Assert.Contains("You're linked", await PasswordAsync(RightPassword("alexw")), StringComparison.Ordinal);
        Assert.Contains("You're signed out", LinkingBot.Texts(await bot.SayAsync("sign out")), StringComparison.Ordinal);

        // The fifth guess still reaches Integrify; after it, not even Megan's right password does.
        Assert.Contains(Refused, await PasswordAsync(WrongPassword("meganb", Limit)), StringComparison.Ordinal);
        Assert.Contains(Throttled, await PasswordAsync(RightPassword("meganb")), StringComparison.Ordinal);
        Assert.Contains(Throttled, await PasswordAsync(RightPassword("alexw")), StringComparison.Ordinal);
        Assert.Equal(Limit + 1, bot.Simulator.Counters.Calls("A1"));
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task Wrong_passwords_for_one_account_from_several_people_are_limited_in_total_for_that_account()
    {
        string[] spellings = ["meganb", "MeganB", " meganb", "MEGANB "];
        var answers = new List<string>();
        for (var person = 1; person <= Limit + 2; person++)
        {
            answers.Add(await PasswordAsync(WrongPassword(spellings[person % spellings.Length], person), LinkingBot.Person(person)));
        }

        Assert.Equal(Limit, answers.Count(answer => answer.Contains(Refused, StringComparison.Ordinal)));
        Assert.All(answers[Limit..], answer => Assert.Contains(Throttled, answer, StringComparison.Ordinal));
        Assert.Equal(Limit, bot.Simulator.Counters.Calls("A1"));

        // Each of them may still sign in to their own account, and Megan's API key names no username.
        Assert.Contains("You're linked", await PasswordAsync(RightPassword("alexw"), LinkingBot.Person(1)), StringComparison.Ordinal);
        var megan = LinkingBot.Texts(await bot.ClickAsync("link.apikey", new JsonObject { ["apiKey"] = "demo-key-meganb" }, from: LinkingBot.Person(Limit + 2)));
        Assert.Contains("with your personal API key", megan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_right_password_forgives_that_persons_earlier_mistakes_for_the_same_account_and_no_others()
    {
        await PasswordAsync(WrongPassword("meganb", 0));
        await PasswordAsync(WrongPassword("meganb", 1));
        await PasswordAsync(WrongPassword("alexw", 2));
        await PasswordAsync(WrongPassword("alexw", 3));
        Assert.Contains("You're linked", await PasswordAsync(RightPassword("AlexW")), StringComparison.Ordinal);
        await bot.SayAsync("sign out");

        // The two guesses at Megan's account still count; the two mistakes with his own are forgiven.
        var answers = new List<string>();
        for (var i = 0; i < Limit; i++)
        {
            answers.Add(await PasswordAsync(WrongPassword("alexw", 10 + i)));
        }

        Assert.Equal(Limit - 2, answers.Count(answer => answer.Contains(Refused, StringComparison.Ordinal)));
        Assert.Contains(Throttled, answers[^1], StringComparison.Ordinal);
        Assert.Equal(4 + 1 + (Limit - 2), bot.Simulator.Counters.Calls("A1"));
    }

    [Fact]
    public async Task Wrong_magic_codes_count_and_no_other_success_or_sign_out_forgives_them()
    {
        for (var i = 0; i < Limit - 1; i++)
        {
            Assert.Contains("That code didn't work", LinkingBot.Texts(await bot.SayAsync($"00000{i}")), StringComparison.Ordinal);
        }

        Assert.Contains("You're linked", await PasswordAsync(RightPassword("alexw")), StringComparison.Ordinal);
        await bot.SayAsync("sign out");

        Assert.Contains("That code didn't work", LinkingBot.Texts(await bot.SayAsync("000009")), StringComparison.Ordinal);
        Assert.Contains(Throttled, await PasswordAsync(RightPassword("alexw")), StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A1"));
    }

    [Fact]
    public async Task Thirty_wrong_codes_at_once_are_checked_at_most_five_times_and_then_not_even_the_right_one_is()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));
        var code = SignInPageBrowser.CodeOn(await bot.Browser.SubmitAsync(page, new() { ["method"] = "apikey", ["apiKey"] = "demo-key-alexw" }));
        var wrong = Enumerable.Range(0, 30).Select(i => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

        await Task.WhenAll(wrong.Select(async guess =>
        {
            using var response = await bot.Client.PostAsJsonAsync("/api/messages", bot.VerifyState(guess));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }));
        var answers = new List<string>();
        while (answers.Count < 30)
        {
            var sent = await bot.Connector.NextAsync();
            if (sent.Activity.GetProperty("type").GetString() != "typing")
            {
                answers.Add(LinkingBot.Texts(sent.Card));
            }
        }

        // Each code checked is one answered "didn't work"; the slots of any that ran out of time still count.
        var checkedCodes = answers.Count(answer => answer.Contains("That code didn't work", StringComparison.Ordinal));
        SignInBursts.AssertLimited(answers, checkedCodes, Limit, refused: "That code didn't work");
        Assert.Equal(Limit, await bot.SignInFailuresAsync());
        Assert.Contains(Throttled, LinkingBot.Texts(await bot.SayAsync(code)), StringComparison.Ordinal);
        Assert.Null(await bot.StoredAsync());
    }

    private static JsonObject WrongPassword(string userName, int attempt) => new() { ["userName"] = userName, ["password"] = $"guess-{attempt}-" + Password };

    private static JsonObject RightPassword(string userName) => new() { ["userName"] = userName, ["password"] = Password };

    /// <summary>The in-card password form, pressed by Alex or by <paramref name="from"/>; the texts of the card that comes back.</summary>
    private async Task<string> PasswordAsync(JsonObject form, JsonObject? from = null) =>
        LinkingBot.Texts(await bot.ClickAsync("link.password", form, from: from));
}
