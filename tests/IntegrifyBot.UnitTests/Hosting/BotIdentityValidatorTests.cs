using IntegrifyBot.Settings;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Hosting;

/// <summary>
/// The Microsoft identity keys, checked at start as the Bot Framework SDK would take them: whatever
/// it would refuse while the bot starts (with a stack trace) is refused here first, in one line.
/// </summary>
public sealed class BotIdentityValidatorTests
{
    private const string AppId = "6f1f9f6e-2f55-4c3f-9d1a-2f0c0d7b1a11";
    private const string TenantId = "0c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5";

    [Theory]
    [InlineData("SingleTenant")]
    [InlineData("UserAssignedMSI")]
    public void Demo_mode_refuses_an_app_type_that_needs_an_app_id_it_was_not_given(string appType)
    {
        var failures = Validate(BotMode.Demo, new BotIdentityOptions { MicrosoftAppType = appType });

        Assert.Equal([$"MicrosoftAppType {appType} needs MicrosoftAppId: set the bot's app registration, or leave MicrosoftAppType unset to run without one."], failures);
    }

    [Fact]
    public void An_unknown_app_type_is_refused_in_every_mode()
    {
        var failures = Validate(BotMode.Development, new BotIdentityOptions { MicrosoftAppType = "MultiTenantt" });

        Assert.Equal(["MicrosoftAppType must be SingleTenant or UserAssignedMSI, as Azure requires for new bots."], failures);
    }

    [Fact]
    public void A_managed_identity_with_a_client_secret_is_refused()
    {
        var failures = Validate(BotMode.Production, new BotIdentityOptions { MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, MicrosoftAppType = "UserAssignedMSI", MicrosoftAppPassword = "a-secret-value" });

        var failure = Assert.Single(failures);
        Assert.StartsWith("MicrosoftAppPassword must not be set for a UserAssignedMSI bot", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("a-secret-value", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_service_the_sdk_does_not_know_is_refused_and_its_government_cloud_is_taken()
    {
        var unknown = Validate(BotMode.Demo, new BotIdentityOptions { ChannelService = "https://botframework.example.com" });
        var government = Validate(BotMode.Demo, new BotIdentityOptions { ChannelService = GovernmentAuthenticationConstants.ChannelService });

        Assert.Equal([$"ChannelService must be unset (Azure's public cloud) or {GovernmentAuthenticationConstants.ChannelService} (Azure US Government)."], unknown);
        Assert.Empty(government);
    }

    [Fact]
    public void A_complete_single_tenant_identity_and_an_empty_one_in_demo_mode_are_taken()
    {
        Assert.Empty(Validate(BotMode.Production, new BotIdentityOptions { MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, MicrosoftAppType = "singletenant", MicrosoftAppPassword = "a-secret-value" }));
        Assert.Empty(Validate(BotMode.Demo, new BotIdentityOptions { MicrosoftAppType = string.Empty }));
    }

    private static IEnumerable<string> Validate(BotMode mode, BotIdentityOptions identity) =>
        new BotIdentityValidator(Options.Create(new BotOptions { Mode = mode })).Validate(Options.DefaultName, identity).Failures ?? [];
}
