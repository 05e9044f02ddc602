using System.Text.Json;
using IntegrifyBot.Teams;

namespace IntegrifyBot.UnitTests.Teams;

/// <summary>How the message extension's invokes are read, whatever shape they arrive in.</summary>
public sealed class ExtensionInvokesTests
{
    [Fact]
    public void A_search_reads_the_typed_text_and_teams_paging()
    {
        var query = ExtensionInvokes.ReadQuery(Json("""{"commandId":"myTasks","parameters":[{"name":"search","value":"  laptop "}],"queryOptions":{"skip":25,"count":10}}"""));

        Assert.Equal(new("myTasks", "laptop", 25, 10), query);
    }

    [Theory]
    [InlineData("""{"commandId":"myTasks","parameters":[{"value":"laptop"}]}""")]
    [InlineData("""{"commandId":"myTasks","parameters":[{"name":"","value":"laptop"}]}""")]
    [InlineData("""{"commandId":"myTasks","parameters":[{"name":"query","value":"laptop"}]}""")]
    public void The_search_text_is_read_whatever_its_parameter_is_called(string value)
    {
        Assert.Equal("laptop", ExtensionInvokes.ReadQuery(Json(value)).Search);
    }

    [Fact]
    public void A_command_opened_without_text_searches_for_nothing()
    {
        var query = ExtensionInvokes.ReadQuery(Json("""{"commandId":"myTasks","parameters":[{"name":"initialRun","value":"true"}]}"""));

        Assert.Equal(string.Empty, query.Search);
        Assert.Equal(25, query.Count);
    }

    [Theory]
    [InlineData("""{"commandId":7,"parameters":{"a":1},"queryOptions":[]}""")]
    [InlineData("""{"parameters":[null,1,"x",{"name":3,"value":4}],"queryOptions":{"skip":-4,"count":1000000}}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public void Odd_values_read_as_blanks_within_bounds(string value)
    {
        var query = ExtensionInvokes.ReadQuery(Json(value));

        Assert.Equal(string.Empty, query.CommandId);
        Assert.Equal(string.Empty, query.Search);
        Assert.InRange(query.Skip, 0, 10_000);
        Assert.InRange(query.Count, 1, 25);
    }

    [Fact]
    public void A_very_long_search_is_cut_not_refused()
    {
        var query = ExtensionInvokes.ReadQuery(Json($$"""{"commandId":"myTasks","parameters":[{"name":"search","value":"{{new string('a', 100_000)}}"}]}"""));

        Assert.Equal(4000, query.Search.Length);
    }

    [Theory]
    [InlineData("html", "<p>New <b>chairs</b> &amp; desks<br/>for&nbsp;support</p>", "New chairs & desks for support")]
    [InlineData("html", "<div>one</div><div>two</div>", "one two")]
    [InlineData("html", "&lt;script&gt;", "<script>")]
    [InlineData("text", "  plain   text  ", "plain text")]
    [InlineData("html", "<p> </p>", null)]
    public void A_messages_text_is_read_as_a_person_reads_it(string contentType, string content, string? expected)
    {
        var opening = ExtensionInvokes.ReadOpening(Json(JsonSerializer.Serialize(new
        {
            commandId = "startRequest",
            commandContext = "message",
            messagePayload = new { body = new { contentType, content } },
        })));

        Assert.Equal(expected, opening.FromMessage);
    }

    [Fact]
    public void From_the_compose_box_no_message_text_is_read()
    {
        var opening = ExtensionInvokes.ReadOpening(Json("""{"commandId":"startRequest","commandContext":"compose","messagePayload":{"body":{"contentType":"text","content":"not this"}}}"""));

        Assert.Null(opening.FromMessage);
    }

    [Theory]
    [InlineData("""{"state":"482913"}""", "482913")]
    [InlineData("""{"state":""}""", null)]
    [InlineData("""{"state":42}""", null)]
    public void The_sign_in_popups_code_is_read_when_it_is_one(string value, string? expected)
    {
        Assert.Equal(expected, ExtensionInvokes.ReadState(Json(value)));
    }

    [Fact]
    public void A_submission_without_data_reads_as_an_empty_object()
    {
        Assert.Equal(JsonValueKind.Object, ExtensionInvokes.ReadSubmission(Json("""{"commandId":"startRequest","data":"nope"}""")).Data.ValueKind);
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
