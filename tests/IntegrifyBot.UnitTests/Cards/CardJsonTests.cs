using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.UnitTests.Cards;

/// <summary>The typed card model written by <see cref="CardJson"/> is the JSON Teams expects.</summary>
public sealed class CardJsonTests
{
    private static readonly Uri ExampleUrl = new("https://example.integrify.com/task/42");

    [Fact]
    public void The_card_root_starts_with_type_schema_and_version_1_5()
    {
        using var document = JsonDocument.Parse(CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock("Hi")] }));

        // Some validators and older clients sniff the first properties, so the order matters, not only the values.
        var firstThree = document.RootElement.EnumerateObject().Take(3).Select(property => (property.Name, property.Value.GetString())).ToList();
        Assert.Equal(
            [("type", "AdaptiveCard"), ("$schema", "http://adaptivecards.io/schemas/adaptive-card.json"), ("version", "1.5")],
            firstThree);
    }

    [Theory]
    [InlineData("TextBlock")]
    [InlineData("Container")]
    [InlineData("ColumnSet")]
    [InlineData("FactSet")]
    [InlineData("Table")]
    [InlineData("Image")]
    [InlineData("ActionSet")]
    [InlineData("Input.Text")]
    [InlineData("Input.Number")]
    [InlineData("Input.Date")]
    [InlineData("Input.ChoiceSet")]
    [InlineData("Input.Toggle")]
    public void Each_body_element_writes_its_schema_type(string schemaType)
    {
        var json = Serialize(new AdaptiveCard { Body = [SampleElement(schemaType)] });

        var element = json["body"]![0]!.AsObject();
        Assert.Equal(schemaType, (string?)element["type"]);
        // A second "type" or a C# type name would mean the discriminator leaked twice or under another name.
        Assert.DoesNotContain(element, property => property.Key is "$type" or "Type");
    }

    [Theory]
    [InlineData("Action.Execute")]
    [InlineData("Action.Submit")]
    [InlineData("Action.OpenUrl")]
    [InlineData("Action.ShowCard")]
    public void Each_action_writes_its_schema_type(string schemaType)
    {
        var json = Serialize(new AdaptiveCard { Actions = [SampleAction(schemaType)] });

        Assert.Equal(schemaType, (string?)json["actions"]![0]!["type"]);
    }

    [Fact]
    public void Actions_inside_an_action_set_write_their_types_too()
    {
        var json = Serialize(new AdaptiveCard { Body = [new ActionSet([new OpenUrlAction(ExampleUrl) { Title = "Open" }])] });

        var action = json["body"]![0]!["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal(ExampleUrl.AbsoluteUri, (string?)action["url"]);
    }

    [Fact]
    public void Execute_and_submit_actions_write_their_verb_and_data()
    {
        var json = Serialize(new AdaptiveCard
        {
            Actions =
            [
                new ExecuteAction("task.approve") { Title = "Approve", Data = new JsonObject { ["taskId"] = "T-1" } },
                new SubmitAction { Title = "Send", Data = new JsonObject { ["taskId"] = "T-2" } },
            ],
        });

        Assert.Equal("task.approve", (string?)json["actions"]![0]!["verb"]);
        Assert.Equal("T-1", (string?)json["actions"]![0]!["data"]!["taskId"]);
        Assert.Equal("T-2", (string?)json["actions"]![1]!["data"]!["taskId"]);
    }

    [Fact]
    public void Show_card_nests_a_whole_card()
    {
        var json = Serialize(new AdaptiveCard
        {
            Actions = [new ShowCardAction(new AdaptiveCard { Body = [new TextInput("comment") { Label = "Why?" }] }) { Title = "Reject" }],
        });

        var nested = json["actions"]![0]!["card"]!;
        Assert.Equal("AdaptiveCard", (string?)nested["type"]);
        Assert.Equal("Input.Text", (string?)nested["body"]![0]!["type"]);
    }

    [Fact]
    public void A_column_set_writes_typed_columns_with_their_items()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body = [new ColumnSet([new Column([new TextBlock("left")]) { Width = ColumnWidth.Auto }, new Column([new Image(ExampleUrl)])])],
        });

        var columns = json["body"]![0]!["columns"]!.AsArray();
        Assert.All(columns, column => Assert.Equal("Column", (string?)column!["type"]));
        Assert.Equal("TextBlock", (string?)columns[0]!["items"]![0]!["type"]);
        Assert.Equal("Image", (string?)columns[1]!["items"]![0]!["type"]);
    }

    [Fact]
    public void A_table_writes_column_widths_rows_and_cells()
    {
        var table = new Table(
            [new TableColumn(ColumnWidth.Weighted(2)), new TableColumn(ColumnWidth.InPixels(80))],
            [new TableRow([new TableCell([new TextBlock("Invoice")]), new TableCell([new TextBlock("42")])])])
        {
            FirstRowAsHeader = true,
        };

        var json = Serialize(new AdaptiveCard { Body = [table] })["body"]![0]!;

        Assert.Equal("Table", (string?)json["type"]);
        Assert.Equal(2, (int?)json["columns"]![0]!["width"]);
        Assert.Equal("80px", (string?)json["columns"]![1]!["width"]);
        var row = json["rows"]![0]!;
        Assert.Equal("TableRow", (string?)row["type"]);
        Assert.All(row["cells"]!.AsArray(), cell => Assert.Equal("TableCell", (string?)cell!["type"]));
        Assert.Equal("42", (string?)row["cells"]![1]!["items"]![0]!["text"]);
        Assert.True((bool?)json["firstRowAsHeader"]);
    }

    [Fact]
    public void A_fact_set_writes_titles_and_values()
    {
        var json = Serialize(new AdaptiveCard { Body = [new FactSet([new Fact("Due", "Friday")])] });

        var fact = json["body"]![0]!["facts"]![0]!;
        Assert.Equal("Due", (string?)fact["title"]);
        Assert.Equal("Friday", (string?)fact["value"]);
    }

    [Fact]
    public void Inputs_write_their_id_once_with_their_settings()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body =
            [
                new NumberInput("amount") { Min = 1, Max = 10, Value = 2.5 },
                new ChoiceSetInput("reason", [new Choice("Too expensive", "cost")]) { Style = ChoiceInputStyle.Expanded, IsRequired = true },
                new ToggleInput("notify", "Notify me") { ValueOn = "yes", ValueOff = "no" },
            ],
        });

        var body = json["body"]!.AsArray();
        Assert.Equal(["amount", "reason", "notify"], body.Select(element => (string?)element!["id"]));
        Assert.Equal(2.5, (double?)body[0]!["value"]);
        Assert.Equal(10, (double?)body[0]!["max"]);
        Assert.Equal("cost", (string?)body[1]!["choices"]![0]!["value"]);
        Assert.Equal("expanded", (string?)body[1]!["style"]);
        Assert.Equal("Notify me", (string?)body[2]!["title"]);
        Assert.Equal("yes", (string?)body[2]!["valueOn"]);
    }

    [Fact]
    public void Enums_are_camel_case_strings()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Big") { Size = TextSize.ExtraLarge, Spacing = Spacing.ExtraLarge, Style = TextBlockStyle.Heading, Color = TextColor.Attention },
                new TextInput("password") { Style = TextInputStyle.Password },
            ],
            Actions = [new SubmitAction { Title = "Go", Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.None }],
        });

        var text = json["body"]![0]!;
        Assert.Equal("extraLarge", (string?)text["size"]);
        Assert.Equal("extraLarge", (string?)text["spacing"]);
        Assert.Equal("heading", (string?)text["style"]);
        Assert.Equal("attention", (string?)text["color"]);
        Assert.Equal("password", (string?)json["body"]![1]!["style"]);
        Assert.Equal("positive", (string?)json["actions"]![0]!["style"]);
        Assert.Equal("none", (string?)json["actions"]![0]!["associatedInputs"]);
    }

    [Fact]
    public void Null_properties_are_left_out()
    {
        var json = Serialize(new AdaptiveCard { Body = [new TextBlock("Only text")] });

        Assert.Equal(["type", "$schema", "version", "body"], json.Select(property => property.Key));
        // Wrap is on by default on purpose; everything unset is absent rather than null.
        Assert.Equal(["type", "text", "wrap"], json["body"]![0]!.AsObject().Select(property => property.Key));
    }

    [Fact]
    public void A_dropped_fallback_writes_drop()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body = [new Table([new TableColumn(ColumnWidth.Weighted(1))], []) { Fallback = Fallback.Drop<CardElement>() }],
            Actions = [new OpenUrlAction(ExampleUrl) { Fallback = Fallback.Drop<CardAction>() }],
        });

        Assert.Equal("drop", (string?)json["body"]![0]!["fallback"]);
        Assert.Equal("drop", (string?)json["actions"]![0]!["fallback"]);
    }

    [Fact]
    public void A_replacement_fallback_writes_the_replacement_with_its_type()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body = [new Table([], []) { Fallback = Fallback.With<CardElement>(new TextBlock("Open Integrify to see the table")) }],
            Actions = [new ExecuteAction("task.approve") { Fallback = Fallback.With<CardAction>(new SubmitAction { Title = "Approve" }) }],
        });

        var element = json["body"]![0]!["fallback"]!;
        Assert.Equal("TextBlock", (string?)element["type"]);
        Assert.Equal("Open Integrify to see the table", (string?)element["text"]);
        var action = json["actions"]![0]!["fallback"]!;
        Assert.Equal("Action.Submit", (string?)action["type"]);
        Assert.Equal("Approve", (string?)action["title"]);
    }

    [Fact]
    public void A_dropped_fallback_reads_back_as_dropped()
    {
        var fallback = JsonSerializer.Deserialize<Fallback<CardElement>>("\"drop\"", CardJson.Options);

        Assert.NotNull(fallback);
        Assert.Null(fallback.Replacement);
    }

    [Fact]
    public void A_replacement_fallback_reads_back_as_the_same_typed_replacement()
    {
        var written = JsonSerializer.Serialize(Fallback.With<CardAction>(new SubmitAction { Title = "Approve", Style = ActionStyle.Positive }), CardJson.Options);

        var read = JsonSerializer.Deserialize<Fallback<CardAction>>(written, CardJson.Options);

        var submit = Assert.IsType<SubmitAction>(read?.Replacement);
        Assert.Equal("Approve", submit.Title);
        Assert.Equal(ActionStyle.Positive, submit.Style);
    }

    [Fact]
    public void A_fallback_that_is_neither_drop_nor_an_object_is_rejected()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Fallback<CardElement>>("\"keep\"", CardJson.Options));
    }

    [Fact]
    public void Refresh_writes_an_execute_action_with_its_type_and_the_user_ids()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body = [new TextBlock("Shared")],
            Refresh = new CardRefresh(CardActions.Execute("Refresh", "task.refresh"), ["29:alex", "29:megan"]),
        });

        var refresh = json["refresh"]!.AsObject();
        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Equal("task.refresh", (string?)refresh["action"]!["verb"]);
        Assert.Equal(["29:alex", "29:megan"], refresh["userIds"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(["action", "userIds"], refresh.Select(property => property.Key));
    }

    [Theory]
    [InlineData("auto", "\"auto\"")]
    [InlineData("stretch", "\"stretch\"")]
    [InlineData("weighted 2", "2")]
    [InlineData("80 pixels", "\"80px\"")]
    public void Column_widths_write_keywords_weights_and_pixels(string width, string expectedJson)
    {
        var json = Serialize(new AdaptiveCard { Body = [new ColumnSet([new Column([]) { Width = SampleWidth(width) }])] });

        Assert.Equal(expectedJson, json["body"]![0]!["columns"]![0]!["width"]!.ToJsonString());
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("stretch")]
    [InlineData("weighted 2")]
    [InlineData("80 pixels")]
    public void Column_widths_read_back_as_written(string width)
    {
        var written = JsonSerializer.Serialize(SampleWidth(width), CardJson.Options);

        Assert.Equal(SampleWidth(width), JsonSerializer.Deserialize<ColumnWidth>(written, CardJson.Options));
    }

    [Fact]
    public void A_date_input_writes_dates_as_year_month_day()
    {
        var json = Serialize(new AdaptiveCard
        {
            Body = [new DateInput("due") { Value = new DateOnly(2025, 3, 7), Min = new DateOnly(2025, 1, 1) }],
        });

        Assert.Equal("2025-03-07", (string?)json["body"]![0]!["value"]);
        Assert.Equal("2025-01-01", (string?)json["body"]![0]!["min"]);
    }

    [Fact]
    public void Full_width_writes_msteams_width_full()
    {
        var json = Serialize(new AdaptiveCard { Body = [new TextBlock("Wide")], Teams = TeamsCardOptions.FullWidth });

        Assert.Equal("Full", (string?)json["msteams"]!["width"]);
    }

    [Fact]
    public void To_json_object_matches_serialize()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("Same")], Actions = [CardActions.Execute("Go", "go")] };

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CardJson.Serialize(card)), CardJson.ToJsonObject(card)));
    }

    private static JsonObject Serialize(AdaptiveCard card) => JsonNode.Parse(CardJson.Serialize(card))!.AsObject();

    private static ColumnWidth SampleWidth(string width) => width switch
    {
        "auto" => ColumnWidth.Auto,
        "stretch" => ColumnWidth.Stretch,
        "weighted 2" => ColumnWidth.Weighted(2),
        "80 pixels" => ColumnWidth.InPixels(80),
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, null),
    };

    private static CardElement SampleElement(string schemaType) => schemaType switch
    {
        "TextBlock" => new TextBlock("Text"),
        "Container" => new Container([new TextBlock("Inside")]) { Style = ContainerStyle.Emphasis },
        "ColumnSet" => new ColumnSet([new Column([new TextBlock("Column")])]),
        "FactSet" => new FactSet([new Fact("Status", "Open")]),
        "Table" => new Table([new TableColumn(ColumnWidth.Weighted(1))], [new TableRow([new TableCell([new TextBlock("Cell")])])]),
        "Image" => new Image(ExampleUrl) { AltText = "Logo" },
        "ActionSet" => new ActionSet([new SubmitAction { Title = "Send" }]),
        "Input.Text" => new TextInput("comment"),
        "Input.Number" => new NumberInput("amount"),
        "Input.Date" => new DateInput("due"),
        "Input.ChoiceSet" => new ChoiceSetInput("reason", [new Choice("Other", "other")]),
        "Input.Toggle" => new ToggleInput("notify", "Notify me"),
        _ => throw new ArgumentOutOfRangeException(nameof(schemaType), schemaType, null),
    };

    private static CardAction SampleAction(string schemaType) => schemaType switch
    {
        "Action.Execute" => new ExecuteAction("task.open") { Title = "Open" },
        "Action.Submit" => new SubmitAction { Title = "Send" },
        "Action.OpenUrl" => new OpenUrlAction(ExampleUrl) { Title = "Open in Integrify" },
        "Action.ShowCard" => new ShowCardAction(new AdaptiveCard { Body = [new TextBlock("More")] }) { Title = "More" },
        _ => throw new ArgumentOutOfRangeException(nameof(schemaType), schemaType, null),
    };
}
