using IntegrifyBot.TestInfrastructure;
using System.Text;
using System.Text.Json;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Features.Reports;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.UnitTests.Features.Reports;

/// <summary>The report cards as pure functions: size, escaping and typed cells.</summary>
public sealed class ReportCardsTests
{
    private static readonly BotRequest Alex = new(new TurnUser("29:alex", "aad-alex", "Alex Wilber"), new TurnConversation("a:alex", ConversationKind.Personal, "tenant")) { TimeZone = "Europe/Berlin" };

    [Fact]
    public void A_page_of_long_rows_shows_fewer_of_them_to_stay_under_teams_message_size()
    {
        // Eight columns of sixty characters that JSON writes six bytes each: ten rows would not fit.
        var columns = Enumerable.Range(0, 8).Select(i => new ReportColumn { Key = "c" + i, Label = "Column " + i, Type = "string" }).ToList();
        var row = columns.ToDictionary(column => column.Key, _ => JsonSerializer.SerializeToElement(new string('€', 200)));
        var result = new ReportResult { Columns = columns, Rows = [.. Enumerable.Repeat<IReadOnlyDictionary<string, JsonElement>>(row, 10)], Total = 10 };

        var card = ReportCards.Result(new ReportView("r-1", "Wide report"), result, string.Empty, Alex);

        var json = CardJson.Serialize(card);
        Assert.True(Encoding.UTF8.GetByteCount(json) <= CardLimits.MaxCardBytes, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        Assert.Contains("10 rows · showing 1–5", Texts(json), StringComparison.Ordinal);
        var next = card.Actions!.OfType<IntegrifyBot.Cards.Model.ExecuteAction>().Single(action => action.Title == "Next");
        Assert.Equal(5, next.Data!["start"]!.GetValue<int>());
    }

    [Fact]
    public void Markdown_in_cells_and_labels_is_shown_as_typed()
    {
        var card = Texts(CardJson.Serialize(ReportCards.Result(new ReportView("r-1", "**Bold** report"), ReportCardCatalog.Result, string.Empty, Alex)));

        Assert.Contains(@"Laptop \*\*0\*\* – Alex", card, StringComparison.Ordinal);
        Assert.Contains(@"\*\*Bold\*\* report", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_beyond_what_a_chat_shows_are_left_to_the_export_and_the_card_says_so()
    {
        var columns = Enumerable.Range(0, 11).Select(i => new ReportColumn { Key = "c" + i, Label = "Column " + i, Type = "number" }).ToList();
        var row = columns.ToDictionary(column => column.Key, _ => JsonSerializer.SerializeToElement(7));
        var result = new ReportResult { Columns = columns, Rows = [row], Total = 1 };

        var card = ReportCards.Result(new ReportView("r-1", "Wide"), result, string.Empty, Alex);

        var table = Assert.Single(card.Body.OfType<IntegrifyBot.Cards.Model.Table>());
        Assert.Equal(ReportTable.MaxColumns, table.Columns.Count);
        Assert.Contains("Export the CSV for 5 more columns.", Texts(CardJson.Serialize(card)), StringComparison.Ordinal);
    }

    [Fact]
    public void When_not_all_columns_fit_one_that_is_the_same_on_every_row_gives_way_first_then_the_last()
    {
        var columns = Enumerable.Range(0, 8).Select(i => new ReportColumn { Key = "c" + i, Label = "Column " + i, Type = "string" }).ToList();
        var rows = Enumerable.Range(0, 3).Select(row => (IReadOnlyDictionary<string, JsonElement>)columns.ToDictionary(
            column => column.Key,
            column => JsonSerializer.SerializeToElement(column.Key == "c2" ? "Sales" : $"{column.Key}-{row}"))).ToList();

        var (table, leftOut) = ReportTable.For(columns, rows, Alex);

        Assert.Equal(2, leftOut);
        Assert.Equal(["Column 0", "Column 1", "Column 3", "Column 4", "Column 5", "Column 6"], table.Rows[0].Cells.Select(cell => ((IntegrifyBot.Cards.Model.TextBlock)cell.Items[0]).Text));
    }

    [Fact]
    public void Numbers_and_dates_get_the_width_their_longest_value_needs_and_text_shares_the_rest()
    {
        var result = ReportCardCatalog.Result;

        var (table, _) = ReportTable.For(result.Columns, result.Rows, Alex);

        var json = JsonDocument.Parse(CardJson.Serialize(new IntegrifyBot.Cards.Model.AdaptiveCard { Body = [table] })).RootElement.GetProperty("body")[0];
        var widths = json.GetProperty("columns").EnumerateArray().Select(column => column.GetProperty("width")).ToList();
        var rows = json.GetProperty("rows").EnumerateArray().Skip(1).Select(row => row.GetProperty("cells").EnumerateArray().Select(cell => LinkingBot.Texts(cell)).ToList()).ToList();
        foreach (var index in new[] { 0, 2, 3 })
        {
            var longest = rows.Max(cells => cells[index].Length);
            Assert.Equal(JsonValueKind.String, widths[index].ValueKind);
            var pixels = int.Parse(widths[index].GetString()!.Replace("px", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(pixels >= longest * 7, $"Column {index}: {pixels}px for {longest} characters.");
        }

        Assert.Equal(JsonValueKind.Number, widths[1].ValueKind);
    }

    private static string Texts(string json) => LinkingBot.Texts(JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("date", "\"2026-11-05T00:00:00Z\"", "en-US", "11/5/2026")]
    [InlineData("date", "\"2026-11-05T00:00:00Z\"", "de-DE", "05.11.2026")]
    [InlineData("date", "\"2026-11-05T23:30:00Z\"", "de-DE", "06.11.2026 00:30")]
    [InlineData("currency", "1234.5", "de-DE", "1.234,50")]
    [InlineData("currency", "1234.5", "en-US", "1,234.50")]
    [InlineData("number", "5001", "en-US", "5001")]
    [InlineData("number", "2.75", "de-DE", "2,75")]
    [InlineData("string", "\"Contoso, Ltd.\"", "en-US", "Contoso, Ltd.")]
    [InlineData("string", "null", "en-US", "")]
    public void Cells_are_formatted_by_their_columns_type_in_the_users_culture_and_zone(string type, string json, string locale, string shown)
    {
        var text = ReportCells.Format(new ReportColumn { Key = "k", Type = type }, JsonDocument.Parse(json).RootElement, locale, "Europe/Berlin");

        Assert.Equal(shown, text);
    }
}
