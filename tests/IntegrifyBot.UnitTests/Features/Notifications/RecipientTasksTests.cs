using IntegrifyBot.Notifications;

namespace IntegrifyBot.UnitTests.Features.Notifications;

/// <summary>One way to write a task's sid in the outbox, so that a push and a poll of the same task meet on one row.</summary>
public sealed class RecipientTasksTests
{
    [Theory]
    [InlineData("6E1F4C6A-3B2D-4F7E-9A01-A1E8C0000001")]
    [InlineData("{6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001}")]
    [InlineData("6e1f4c6a3b2d4f7e9a01a1e8c0000001")]
    [InlineData("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001")]
    public void A_guid_sid_is_written_as_integrifys_api_writes_it(string written) =>
        Assert.Equal("6e1f4c6a-3b2d-4f7e-9a01-a1e8c0000001", RecipientTasks.Canonical(written));

    [Fact]
    public void Any_other_sid_is_kept_as_it_is() => Assert.Equal("RT-1001", RecipientTasks.Canonical("RT-1001"));
}
