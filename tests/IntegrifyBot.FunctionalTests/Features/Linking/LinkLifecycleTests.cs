using System.Text.Json.Nodes;
using Integrify.Simulator;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// A link over time, through /api/messages against the simulator: tokens expiring mid-conversation,
/// Integrify revoking them, and signing out.
/// </summary>
public sealed class LinkLifecycleTests : IAsyncLifetime
{
    private LinkingBot bot = null!;

    public async Task InitializeAsync() => bot = await LinkingBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_jwt_that_expires_mid_conversation_is_renewed_silently()
    {
        await LinkWithPasswordAsync();
        var before = (await bot.StoredAsync())!;

        bot.Clock.Advance(LinkingBot.JwtLifetime + TimeSpan.FromSeconds(1));
        var status = LinkingBot.Texts(await bot.SayAsync("status"));

        Assert.Contains("Alex Wilber", status, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A2"));
        var after = (await bot.StoredAsync())!;
        Assert.NotEqual(before.Jwt, after.Jwt);
        Assert.NotEqual(before.RefreshToken, after.RefreshToken);
    }

    [Fact]
    public async Task A_revoked_refresh_token_brings_a_password_user_back_to_the_link_card()
    {
        await LinkWithPasswordAsync();

        bot.Simulator.Control.ExpireTokens("alexw");
        var card = LinkingBot.Texts(await bot.SayAsync("status"));

        Assert.Contains("Your Integrify sign-in has expired or was revoked", card, StringComparison.Ordinal);
        Assert.Contains("Link your Integrify account", card, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A2"));
    }

    [Fact]
    public async Task A_revoked_token_of_an_api_key_user_is_replaced_silently()
    {
        await bot.ClickAsync("link.apikey", new JsonObject { ["apiKey"] = "demo-key-alexw" });

        bot.Simulator.Control.ExpireTokens("alexw");
        var status = LinkingBot.Texts(await bot.SayAsync("status"));

        Assert.Contains("With your personal API key", status, StringComparison.Ordinal);
        Assert.Equal(2, bot.Simulator.Counters.Calls("A3"));
    }

    [Fact]
    public async Task Sign_out_logs_out_of_integrify_and_leaves_nothing_behind_but_refused_sign_ins()
    {
        await LinkWithPasswordAsync();
        await bot.SayAsync("sign in"); // a page state, as if the user had started another sign-in
        await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = "wrong" });
        var jwt = (await bot.StoredAsync())!.Jwt;

        var card = LinkingBot.Texts(await bot.SayAsync("sign out"));

        Assert.Contains("You're signed out", card, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A5"));
        Assert.Null(await bot.StoredAsync());
        await using (var database = await bot.DatabaseAsync())
        {
            var key = LinkingBot.Alex.UserId;
            Assert.False(await database.LinkedAccounts.AnyAsync(a => a.UserKey == key));
            Assert.False(await database.SignInStates.AnyAsync(s => s.UserKey == key));

            // The refused password stays until it leaves the window: signing out does not reset the limit.
            Assert.True(await database.SignInFailures.AnyAsync(f => f.UserKey == key));
            Assert.False(await database.ConversationReferences.AnyAsync(r => r.UserKey == key));
        }

        // A5 ended the session in Integrify too: the old token no longer works there.
        using var integrify = new HttpClient { BaseAddress = bot.Simulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, IntegrifyBot.Integrify.Api.IntegrifyPaths.CurrentUser);
        request.Headers.Authorization = new("Bearer", jwt);
        using var response = await integrify.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);

        Assert.Contains("Link your Integrify account", LinkingBot.Texts(await bot.SayAsync("status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_when_integrify_is_down_still_deletes_everything()
    {
        await LinkWithPasswordAsync();
        bot.Simulator.Faults.Add(new FaultSpec { Status = 503 });

        var card = LinkingBot.Texts(await bot.SayAsync("logout"));

        Assert.Contains("You're signed out", card, StringComparison.Ordinal);
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task Sign_in_when_already_linked_says_so_instead_of_asking_again()
    {
        await LinkWithPasswordAsync();

        var card = LinkingBot.Texts(await bot.SayAsync("link"));

        Assert.Contains("You're linked", card, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A1"));
    }

    private async Task LinkWithPasswordAsync()
    {
        var card = await bot.ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = "Passw0rd!" });
        Assert.Contains("You're linked", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(LinkMethod.Password, (await bot.StoredAsync())?.Method);
    }
}
