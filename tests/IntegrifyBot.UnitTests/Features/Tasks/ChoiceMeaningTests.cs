using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.UnitTests.Features.Tasks;

public sealed class ChoiceMeaningTests
{
    [Theory]
    [InlineData("Approve", null, "approve")]
    [InlineData("approved", "Approved", "approve")]
    [InlineData("APPROVE", null, "approve")]
    [InlineData("Deny", "Deny", "reject")]
    [InlineData("rejected", null, "reject")]
    [InlineData("Request changes", "Request changes", "sendBack")]
    [InlineData("c-17", "Send back", "sendBack")]
    [InlineData("Escalate", "Escalate to director", "Escalate")]
    public void A_choice_means_what_its_value_or_its_label_says(string value, string? label, string key) =>
        Assert.Equal(key, ChoiceMeaning.Of(new ApprovalChoice { Value = value, Label = label }).Key);

    [Fact]
    public void Each_task_gets_its_own_choice_of_the_meaning_and_its_own_comment_rule()
    {
        var approveReject = new ApprovalDetails { Choices = [Choice("Approve"), Choice("Reject")], CommentRequiredFor = ["Reject"] };
        var approvedDenied = new ApprovalDetails { Choices = [Choice("Approved"), Choice("Deny")] };

        Assert.Equal("Reject", ChoiceMeaning.Reject.FindIn(approveReject)?.Value);
        Assert.Equal("Deny", ChoiceMeaning.Reject.FindIn(approvedDenied)?.Value);
        Assert.Equal("Approved", ChoiceMeaning.Approve.FindIn(approvedDenied)?.Value);
        Assert.True(ChoiceMeaning.Reject.NeedsComment(approveReject));
        Assert.False(ChoiceMeaning.Reject.NeedsComment(approvedDenied));
        Assert.Null(ChoiceMeaning.SendBack.FindIn(approveReject));
        Assert.False(ChoiceMeaning.SendBack.NeedsComment(approveReject));
    }

    [Fact]
    public void A_process_own_choice_is_shared_only_by_tasks_offering_that_very_choice()
    {
        var escalate = ChoiceMeaning.FromKey("Escalate")!;

        Assert.False(escalate.IsKnown);
        Assert.NotNull(escalate.FindIn(new ApprovalDetails { Choices = [Choice("Escalate")] }));
        Assert.Null(escalate.FindIn(new ApprovalDetails { Choices = [Choice("escalate"), Choice("Approve")] }));
        Assert.Same(ChoiceMeaning.Approve, ChoiceMeaning.FromKey("approve"));
        Assert.Null(ChoiceMeaning.FromKey(" "));
    }

    [Fact]
    public void A_choice_too_long_for_a_button_is_never_picked()
    {
        var details = new ApprovalDetails { Choices = [new ApprovalChoice { Value = new string('a', 40), Label = "Approve" }] };

        Assert.Null(ChoiceMeaning.Approve.FindIn(details));
    }

    private static ApprovalChoice Choice(string value) => new() { Value = value, Label = value };
}
