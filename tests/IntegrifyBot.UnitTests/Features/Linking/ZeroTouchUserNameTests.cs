using IntegrifyBot.Features.Linking;
using IntegrifyBot.Routing;
using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Features.Linking;

public sealed class ZeroTouchUserNameTests
{
    private static readonly MemberProfile Alex = new("Alex.Wilber@Contoso.com", "awilber@contoso.com", "Alex Wilber");

    [Theory]
    [InlineData(UserNameSource.EmailLocalPart, "Alex.Wilber")]
    [InlineData(UserNameSource.Email, "Alex.Wilber@Contoso.com")]
    [InlineData(UserNameSource.UpnLocalPart, "awilber")]
    [InlineData(UserNameSource.Upn, "awilber@contoso.com")]
    public void The_rule_picks_the_configured_part_of_the_profile(UserNameSource source, string expected)
    {
        Assert.Equal(expected, ZeroTouchUserName.From(Alex, Options(source, "contoso.com")));
    }

    [Fact]
    public void Domains_compare_without_case()
    {
        Assert.Equal("Alex.Wilber", ZeroTouchUserName.From(Alex, Options(UserNameSource.EmailLocalPart, "CONTOSO.COM")));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("alex", "alex")]
    [InlineData("@contoso.com", "@contoso.com")]
    [InlineData("alex@", "alex@")]
    [InlineData("alex@fabrikam.com", "alex@fabrikam.com")]
    [InlineData("alex@contoso.com.evil.example", "alex@contoso.com.evil.example")]
    [InlineData("alex@contoso.com", "alex_fabrikam.com#EXT#@contoso.onmicrosoft.com")]
    public void Profiles_without_a_usable_address_in_an_allowed_domain_get_no_name(string? email, string? upn)
    {
        Assert.Null(ZeroTouchUserName.From(new MemberProfile(email, upn, "Someone"), Options(UserNameSource.EmailLocalPart, "contoso.com")));
        Assert.Null(ZeroTouchUserName.From(new MemberProfile(email, upn, "Someone"), Options(UserNameSource.Upn, "contoso.com")));
    }

    [Fact]
    public void Demo_mode_turns_zero_touch_on_for_the_emulators_people_and_other_modes_leave_it_off()
    {
        var demo = Configured(BotMode.Demo);
        var production = Configured(BotMode.Production);

        Assert.True(demo.ZeroTouch.Enabled);
        Assert.Equal(["example.com"], demo.ZeroTouch.AllowedDomains);
        Assert.False(production.ZeroTouch.Enabled);
        Assert.Empty(production.ZeroTouch.AllowedDomains);
    }

    [Fact]
    public void Zero_touch_without_allowed_domains_is_refused_at_start()
    {
        var setup = new LinkingOptionsSetup(Microsoft.Extensions.Options.Options.Create(new BotOptions { Mode = BotMode.Production }));
        var options = new LinkingOptions { ZeroTouch = { Enabled = true } };
        setup.PostConfigure(null, options);

        var result = setup.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Linking:ZeroTouch:AllowedDomains", result.FailureMessage, StringComparison.Ordinal);
    }

    private static LinkingOptions Configured(BotMode mode)
    {
        var options = new LinkingOptions();
        var setup = new LinkingOptionsSetup(Microsoft.Extensions.Options.Options.Create(new BotOptions { Mode = mode }));
        setup.PostConfigure(null, options);
        Assert.True(setup.Validate(null, options).Succeeded);
        return options;
    }

    private static ZeroTouchOptions Options(UserNameSource source, string domain)
    {
        var options = new ZeroTouchOptions { Enabled = true, UserNameFrom = source };
        options.AllowedDomains.Add(domain);
        return options;
    }
}
