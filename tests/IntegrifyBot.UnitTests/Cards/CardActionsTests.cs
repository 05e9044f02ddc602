using System.Text.Json.Nodes;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.UnitTests.Cards;

/// <summary>Buttons that call the bot work on new clients (Action.Execute) and old ones (Action.Submit) alike.</summary>
public sealed class CardActionsTests
{
    [Fact]
    public void Execute_puts_the_verb_on_the_action_and_in_its_data()
    {
        var action = CardActions.Execute("Approve", "task.approve", new JsonObject { ["taskId"] = "T-1" });

        Assert.Equal("task.approve", action.Verb);
        Assert.Equal("Approve", action.Title);
        Assert.Equal("task.approve", (string?)action.Data?[CardActions.VerbKey]);
        Assert.Equal("T-1", (string?)action.Data?["taskId"]);
    }

    [Fact]
    public void Execute_without_data_still_carries_the_verb()
    {
        var action = CardActions.Execute("Refresh", "task.refresh");

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["verb"] = "task.refresh" }, action.Data));
    }

    [Fact]
    public void The_fallback_is_a_submit_with_the_same_title_style_and_data()
    {
        var action = CardActions.Execute("Reject", "task.reject", new JsonObject { ["taskId"] = "T-1" }, ActionStyle.Destructive);

        var submit = Assert.IsType<SubmitAction>(action.Fallback?.Replacement);
        Assert.Equal("Reject", submit.Title);
        Assert.Equal(ActionStyle.Destructive, submit.Style);
        Assert.True(JsonNode.DeepEquals(action.Data, submit.Data), $"{action.Data?.ToJsonString()} vs {submit.Data?.ToJsonString()}");
    }

    [Fact]
    public void The_fallback_data_is_a_copy_not_the_same_object()
    {
        var action = CardActions.Execute("Approve", "task.approve", new JsonObject { ["taskId"] = "T-1" });
        var submit = (SubmitAction)action.Fallback!.Replacement!;

        action.Data!["taskId"] = "T-2";

        Assert.Equal("T-1", (string?)submit.Data?["taskId"]);
    }

    [Fact]
    public void The_callers_data_is_copied_and_left_unchanged()
    {
        var data = new JsonObject { ["taskId"] = "T-1" };

        var action = CardActions.Execute("Approve", "task.approve", data);
        data["taskId"] = "changed later";

        Assert.False(data.ContainsKey(CardActions.VerbKey), "The verb was written into the caller's object.");
        Assert.Equal("T-1", (string?)action.Data?["taskId"]);
    }

    [Fact]
    public void The_actions_verb_wins_over_a_verb_already_in_the_data()
    {
        // Otherwise a Submit fallback could be steered to another verb than the button shows.
        var action = CardActions.Execute("Approve", "task.approve", new JsonObject { ["verb"] = "task.delete" });

        Assert.Equal("task.approve", (string?)action.Data?["verb"]);
        Assert.Equal("task.approve", (string?)((SubmitAction)action.Fallback!.Replacement!).Data?["verb"]);
    }

    [Fact]
    public void A_typed_payload_is_written_in_camel_case_with_enum_names_and_nulls_kept()
    {
        var action = CardActions.Execute("Approve", "task.approve", new SamplePayload("T-1", 3, null, SampleDecision.NeedsChanges));

        // The null stays: the router reads the payload back strictly, and a missing member is refused.
        Assert.True(
            JsonNode.DeepEquals(
                new JsonObject { ["taskId"] = "T-1", ["stepNumber"] = 3, ["comment"] = null, ["decision"] = "needsChanges", ["verb"] = "task.approve" },
                action.Data),
            action.Data?.ToJsonString());
    }

    [Fact]
    public void Nulls_in_button_data_survive_serializing_the_card()
    {
        var card = new AdaptiveCard { Actions = [CardActions.Execute("Approve", "task.approve", new SamplePayload("T-1", 3, null, SampleDecision.Approve))] };

        var action = CardJson.ToJsonObject(card)["actions"]![0]!;

        Assert.True(action["data"]!.AsObject().ContainsKey("comment"), action.ToJsonString());
        Assert.True(action["fallback"]!["data"]!.AsObject().ContainsKey("comment"), action.ToJsonString());
    }

    [Fact]
    public void A_payload_that_is_not_an_object_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CardActions.Execute("Open", "task.open", "just a string"));
    }

    [Theory]
    [InlineData("", "task.approve")]
    [InlineData(" ", "task.approve")]
    [InlineData("Approve", "")]
    [InlineData("Approve", "  ")]
    public void A_blank_title_or_verb_is_refused(string title, string verb)
    {
        Assert.ThrowsAny<ArgumentException>(() => CardActions.Execute(title, verb));
    }

    [Fact]
    public void The_serialized_button_is_an_execute_with_a_submit_fallback()
    {
        var json = CardJson.ToJsonObject(new AdaptiveCard { Actions = [CardActions.Execute("Approve", "task.approve")] });

        var action = json["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("task.approve", (string?)action["verb"]);
        Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
        Assert.Equal("task.approve", (string?)action["fallback"]!["data"]!["verb"]);
    }

    private enum SampleDecision
    {
        Approve,
        NeedsChanges,
    }

    private sealed record SamplePayload(string TaskId, int StepNumber, string? Comment, SampleDecision Decision);
}
