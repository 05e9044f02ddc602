using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// The sign-in page over real HTTP with cookies, as a browser uses it, and its hand-back to Teams:
/// signin/verifyState from the same Teams user, or the magic code typed into the chat.
/// </summary>
public sealed class SignInPageTests : IAsyncLifetime
{
    private const string Password = "Passw0rd!";
    private LinkingBot bot = null!;

    public async Task InitializeAsync() => bot = await LinkingBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task The_page_is_a_private_accessible_form_protected_against_forgery()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));

        using var response = await bot.Browser.Client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("""<label for="password">Password</label>""", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
        Assert.Matches("name=\"__csrf\" value=\"[^\"]{20,}\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_on_the_page_links_only_after_the_same_teams_user_confirms_from_teams()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));

        var done = await bot.Browser.SubmitAsync(page, new() { ["method"] = "password", ["userName"] = "alexw", ["password"] = Password });

        Assert.Contains("Almost done", done, StringComparison.Ordinal);
        var code = SignInPageBrowser.CodeOn(done);
        Assert.Null(await bot.StoredAsync());

        // Megan has the code (someone forwarded it): it is not hers, so nothing happens.
        var megan = TeamsActivities.Message(bot.Connector.ServiceUrl, code);
        megan["from"] = new JsonObject { ["id"] = "29:megan", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000b2", ["name"] = "Megan Bowen" };
        Assert.Contains("That code didn't work", LinkingBot.Texts(await bot.SendAsync(megan)), StringComparison.Ordinal);

        // Teams' popup hands the code back as Alex: linked, and the chat says so.
        using var response = await bot.Client.PostAsJsonAsync("/api/messages", bot.VerifyState(code));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You're linked", LinkingBot.Texts((await bot.Connector.NextAsync()).Card), StringComparison.Ordinal);
        Assert.Equal(LinkMethod.Password, (await bot.StoredAsync())?.Method);

        // The code and the page were for one sign-in only.
        Assert.Contains("That code didn't work", LinkingBot.Texts(await bot.SayAsync(code)), StringComparison.Ordinal);
        using var again = await bot.Browser.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        // The state opened the page: no log line holds it, though the host logs each request's path.
        var state = System.Web.HttpUtility.ParseQueryString(page.Query)["state"];
        Assert.False(string.IsNullOrEmpty(state));
        Assert.DoesNotContain(bot.Logs.Lines, line => line.Contains(state, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_code_typed_into_the_chat_links_when_teams_cannot_hand_it_back()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));
        var code = SignInPageBrowser.CodeOn(await bot.Browser.SubmitAsync(page, new() { ["method"] = "apikey", ["apiKey"] = "demo-key-alexw" }));

        var card = await bot.SayAsync(code);

        Assert.Contains("with your personal API key", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(LinkMethod.PersonalApiKey, (await bot.StoredAsync())?.Method);
    }

    [Fact]
    public async Task A_post_without_the_pages_csrf_token_is_refused_before_integrify_is_asked()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));
        using (await bot.Browser.Client.GetAsync(page))
        {
        }

        using var forged = await bot.Browser.Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["method"] = "password",
            ["userName"] = "alexw",
            ["password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Please try again", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, bot.Simulator.Counters.Calls("A1"));
    }

    [Fact]
    public async Task A_refused_password_shows_the_form_again_with_integrifys_words_and_the_username_only()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));

        var html = await bot.Browser.SubmitAsync(page, new() { ["method"] = "password", ["userName"] = "alexw", ["password"] = "nope-" + Password }, HttpStatusCode.BadRequest);

        Assert.Contains("Wrong tenant, user name or password.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"alexw\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, html, StringComparison.Ordinal);
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task An_oversized_or_non_form_post_is_refused_with_a_4xx()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));

        var token = await bot.Browser.OpenAsync(page);
        using var huge = await bot.Browser.Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["method"] = "password",
            ["userName"] = new string('a', 40_000),
        }));
        using var json = await bot.Browser.Client.PostAsync(page, JsonContent.Create(new { userName = "alexw" }));

        // The CSRF check reads the form first, cannot (it is over the page's 16 KiB limit), and
        // refuses it; a form within the limit would have got "Please fill in …" instead.
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("Please try again", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(0, bot.Simulator.Counters.Calls("A1"));
    }

    [Fact]
    public async Task A_page_link_expires_after_ten_minutes()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));

        bot.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var response = await bot.Browser.Client.GetAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This sign-in link has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_state_gets_the_expired_page()
    {
        using var response = await bot.Browser.Client.GetAsync(new Uri(bot.Bot.BaseAddress, "/link?state=not-a-state"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("send <strong>sign in</strong>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/link/link.css", "text/css")]
    [InlineData("/link/link.js", "text/javascript")]
    public async Task The_pages_own_style_and_script_are_served_and_not_taken_for_a_sign_in_state(string path, string contentType)
    {
        using var response = await bot.Browser.Client.GetAsync(new Uri(bot.Bot.BaseAddress, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }
}
