using IntegrifyBot.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Features.Notifications;

public sealed class NotificationsOptionsTests
{
    [Theory]
    [InlineData("hunter2")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("  0123456789abcdef0123456789ab  ")]
    public void A_push_secret_shorter_than_32_characters_stops_the_start(string secret)
    {
        using var services = Services(new() { ["Notifications:PushSecret"] = secret });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NotificationsOptions>>().Value);

        var failure = Assert.Single(refusal.Failures);
        Assert.Contains("Notifications:PushSecret must be at least 32 characters", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Trim(), failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public void No_secret_or_a_long_one_is_accepted(string? secret)
    {
        using var services = Services(new() { ["Notifications:PushSecret"] = secret });

        var options = services.GetRequiredService<IOptions<NotificationsOptions>>().Value;

        Assert.Equal(!string.IsNullOrEmpty(secret), options.PushEnabled);
        Assert.Equal(TimeSpan.FromMinutes(5), options.PushTolerance);
        Assert.False(options.PushAcceptsBearer);
    }

    [Fact]
    public void A_tolerance_outside_half_a_minute_to_an_hour_stops_the_start()
    {
        using var services = Services(new() { ["Notifications:PushTolerance"] = "02:00:00" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NotificationsOptions>>().Value);

        Assert.Contains("Notifications:PushTolerance must be between 30 seconds and one hour.", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:05:01")]
    public void A_send_timeout_outside_a_second_to_five_minutes_stops_the_start(string timeout)
    {
        using var services = Services(new() { ["Notifications:SendTimeout"] = timeout });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NotificationsOptions>>().Value);

        Assert.Contains("Notifications:SendTimeout must be between one second and five minutes.", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("00:00:02", 2)]
    public void The_send_timeout_is_half_a_minute_unless_set(string? timeout, int seconds)
    {
        using var services = Services(timeout is null ? [] : new() { ["Notifications:SendTimeout"] = timeout });

        Assert.Equal(TimeSpan.FromSeconds(seconds), services.GetRequiredService<IOptions<NotificationsOptions>>().Value.SendTimeout);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
}
