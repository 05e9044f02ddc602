using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// Zero-touch linking with the organisation key: the Teams member directory (the local connector's)
/// gives the email, the configured rule turns it into the Integrify username, and A4 signs in.
/// </summary>
public sealed class ZeroTouchLinkingTests : IAsyncLifetime
{
    private LinkingBot bot = null!;

    public async Task InitializeAsync() => bot = await LinkingBot.StartAsync(new Dictionary<string, string?>
    {
        ["Linking:ZeroTouch:Enabled"] = "true",
        ["Linking:ZeroTouch:AllowedDomains:0"] = "example.com",
    });

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_member_of_an_allowed_domain_is_linked_without_typing_anything()
    {
        Member("alexw@example.com", "alexw@example.com");

        var status = LinkingBot.Texts(await bot.SayAsync("status"));

        Assert.Contains("Alex Wilber", status, StringComparison.Ordinal);
        Assert.Contains("Automatically, through your organisation", status, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A4"));
        Assert.Equal(LinkMethod.OrganizationKey, (await bot.StoredAsync())?.Method);

        // Linked once: later turns do not ask Teams or Integrify again.
        await bot.SayAsync("status");
        Assert.Equal(1, bot.Connector.MemberLookups);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A4"));
    }

    [Fact]
    public async Task A_revoked_organisation_token_is_replaced_silently()
    {
        Member("alexw@example.com", "alexw@example.com");
        await bot.SayAsync("status");

        bot.Simulator.Control.ExpireTokens("alexw");
        var status = LinkingBot.Texts(await bot.SayAsync("status"));

        Assert.Contains("Alex Wilber", status, StringComparison.Ordinal);
        Assert.Equal(2, bot.Simulator.Counters.Calls("A4"));
    }

    [Theory]
    [InlineData("alexw@fabrikam.com", "alexw@fabrikam.com")]
    [InlineData("alexw@example.com", "alexw_example.com#EXT#@contoso.onmicrosoft.com")]
    public async Task Someone_outside_the_allowed_domains_or_a_guest_must_link_by_hand(string email, string upn)
    {
        Member(email, upn);

        var card = LinkingBot.Texts(await bot.SayAsync("status"));

        Assert.Contains("Link your Integrify account", card, StringComparison.Ordinal);
        Assert.Equal(0, bot.Simulator.Counters.Calls("A4"));
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task A_name_integrify_does_not_know_leads_to_the_link_card()
    {
        Member("nobody@example.com", "nobody@example.com");

        var card = LinkingBot.Texts(await bot.SayAsync("status"));

        Assert.Contains("Link your Integrify account", card, StringComparison.Ordinal);
        Assert.Equal(1, bot.Simulator.Counters.Calls("A4"));
        Assert.Null(await bot.StoredAsync());
    }

    [Fact]
    public async Task Sign_out_says_that_the_organisation_will_link_again()
    {
        Member("alexw@example.com", "alexw@example.com");
        await bot.SayAsync("status");

        var card = LinkingBot.Texts(await bot.SayAsync("sign out"));

        Assert.Contains("I'll sign you in as **alexw** again", card, StringComparison.Ordinal);
        Assert.Null(await bot.StoredAsync());
    }

    private void Member(string email, string upn) => bot.ListAlexAsMember(email, upn);
}
