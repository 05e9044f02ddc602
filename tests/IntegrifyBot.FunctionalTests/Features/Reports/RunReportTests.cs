using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.FunctionalTests.Features.Tasks;
using IntegrifyBot.TestInfrastructure;
using Integrify.Simulator;
using static IntegrifyBot.TestInfrastructure.ReportCardReading;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.FunctionalTests.Features.Reports;

/// <summary>Finding, filtering, running and paging reports (P1–P3) through /api/messages against the simulator.</summary>
public sealed class RunReportTests : LinkedAlexTests
{
    [Fact]
    public async Task Reports_lists_those_the_user_may_run_and_words_search_them()
    {
        var all = await Bot.SayAsync("reports");
        var expenses = await Bot.SayAsync("reports expense");

        Assert.Contains("3 reports that you may run", LinkingBot.Texts(all), StringComparison.Ordinal);
        foreach (var report in new[] { OpenPurchases, TimeOff, Expenses })
        {
            Assert.Contains($"**{report}**", LinkingBot.Texts(all), StringComparison.Ordinal);
        }

        Assert.Contains($"**{Expenses}**", LinkingBot.Texts(expenses), StringComparison.Ordinal);
        Assert.DoesNotContain(OpenPurchases, LinkingBot.Texts(expenses), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exposed_filters_become_inputs_of_their_kind_and_hidden_ones_are_not_asked()
    {
        var form = await FormAsync(OpenPurchases);

        var inputs = LinkingBot.Inputs(form).Values.ToDictionary(input => input.GetProperty("label").GetString()!, input => input);
        Assert.Equal("Input.Text", inputs["Requester"].GetProperty("type").GetString());
        Assert.Equal("Input.Number", inputs["Amount at least"].GetProperty("type").GetString());
        Assert.Equal("Input.Date", inputs["Submitted: from"].GetProperty("type").GetString());
        Assert.Equal("Input.Date", inputs["to"].GetProperty("type").GetString());
        Assert.Equal("Input.ChoiceSet", inputs["Department"].GetProperty("type").GetString());
        Assert.Equal(
            ["Design", "Finance", "Human Resources", "IT", "Marketing", "Operations", "Sales"],
            inputs["Department"].GetProperty("choices").EnumerateArray().Select(choice => choice.GetProperty("value").GetString()!));
        Assert.DoesNotContain("Status", inputs.Keys);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("P3"));
    }

    [Fact]
    public async Task Each_kind_of_filter_narrows_the_result_exactly_as_integrify_does()
    {
        var today = DateOnly.FromDateTime(Bot.Clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var someone = new ReportRow((await Bot.RunDirectlyAsync(OpenPurchases, [])).Rows[0]).Text("requester").Split(' ')[0];
        var cases = new (string Name, (string, string)[] Typed, ReportFilterValue[] Sent, Func<ReportRow, bool> Holds)[]
        {
            ("text", [("Requester", someone.ToLowerInvariant())], [Value("Requester", someone)], row => row.Text("requester").Contains(someone, StringComparison.Ordinal)),
            ("number", [("Amount at least", "1500")], [Value("Amount at least", 1500m)], row => row.Number("amount") >= 1500m),
            ("date range", [("Submitted", from), ("Submitted to", to)], [Value("Submitted", new[] { from, to })],
                row => string.CompareOrdinal(row.Text("submitted")[..10], from) >= 0 && string.CompareOrdinal(row.Text("submitted")[..10], to) <= 0),
            ("choice", [("Department", "IT")], [Value("Department", "IT")], row => row.Text("department") == "IT"),
        };

        var form = await FormAsync(OpenPurchases);
        foreach (var (name, typed, sent, holds) in cases)
        {
            var card = await Bot.ClickAsync("report.run", Filled(form, typed));

            var expected = await Bot.RunDirectlyAsync(OpenPurchases, sent);
            Assert.True(expected.Total is > 0 and < 60, $"{name}: the demo data should make this filter narrow the report ({expected.Total}).");
            Assert.All(expected.Rows.Select(row => new ReportRow(row)), row => Assert.True(holds(row), name));
            Assert.Contains($"{expected.Total} rows · showing 1–{Math.Min(10, expected.Total)}", LinkingBot.Texts(card), StringComparison.Ordinal);
            Assert.Equal(
                expected.Rows.Take(10).Select(row => row["requestId"].GetRawText()),
                Rows(card).Skip(1).Select(cells => cells[Column(card, "Request #")]));
        }
    }

    [Fact]
    public async Task A_result_pages_through_integrifys_rows_and_back()
    {
        var all = await Bot.RunDirectlyAsync(Expenses, []);
        var first = await Bot.RunReportAsync(Expenses);

        var second = await Bot.ClickAsync("report.run", Button(first, "Next"));
        var back = await Bot.ClickAsync("report.run", Button(second, "Previous"));

        Assert.Contains("60 rows · showing 1–10", LinkingBot.Texts(first), StringComparison.Ordinal);
        Assert.Contains("60 rows · showing 11–20", LinkingBot.Texts(second), StringComparison.Ordinal);
        Assert.Equal(ClaimIds(all, 10, 10), Rows(second).Skip(1).Select(cells => cells[Column(second, "Claim #")]));
        Assert.Equal(ClaimIds(all, 0, 10), Rows(back).Skip(1).Select(cells => cells[Column(back, "Claim #")]));
        Assert.Equal(["Next", "Export CSV", "Change filters", "All reports"], Titles(first.GetProperty("actions")));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public async Task Values_are_typed_in_the_users_culture_and_numbers_right_aligned(string locale)
    {
        var all = await Bot.RunDirectlyAsync(Expenses, []);
        var catalog = await Bot.SayAsync("reports");
        var culture = CultureInfo.GetCultureInfo(locale);

        var form = await ClickAsAsync("report.filters", RunButton(catalog, Expenses), locale);
        var card = await ClickAsAsync("report.run", Filled(form), locale);

        var first = new ReportRow(all.Rows[0]);
        var cells = Rows(card)[1];
        Assert.Equal(first.Number("amount").ToString("N2", culture), cells[Column(card, "Amount (USD)")]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.Parse(first.Text("submitted"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToString("d", culture), cells[Column(card, "Submitted")]);
        Assert.Equal(first.Text("employee"), cells[Column(card, "Employee")]);
        var amountColumn = Table(card).GetProperty("columns")[Column(card, "Amount (USD)")];
        Assert.Equal("right", amountColumn.GetProperty("horizontalCellContentAlignment").GetString());
        Assert.Equal("Full", card.GetProperty("msteams").GetProperty("width").GetString());
    }

    [Theory]
    [InlineData("Amount at least", "lots", "“Amount at least” takes a number.")]
    [InlineData("Department", "Space", "Pick one of the options of “Department”.")]
    public async Task A_value_the_filter_cannot_take_is_asked_again_and_nothing_runs(string label, string value, string problem)
    {
        var form = await FormAsync(OpenPurchases);

        var again = await Bot.ClickAsync("report.run", Filled(form, (label, value), ("Requester", "Megan")));

        Assert.Contains(problem, LinkingBot.Texts(again), StringComparison.Ordinal);
        Assert.Equal("Megan", LinkingBot.Inputs(again)[InputId(again, "Requester")].GetProperty("value").GetString());
        Assert.Equal(0, Bot.Simulator.Counters.Calls("P3"));
    }

    [Fact]
    public async Task A_date_range_that_ends_before_it_starts_is_asked_again()
    {
        var form = await FormAsync(OpenPurchases);

        var again = await Bot.ClickAsync("report.run", Filled(form, ("Submitted", "2026-11-20"), ("Submitted to", "2026-11-01")));

        Assert.Contains("“Submitted” starts after it ends.", LinkingBot.Texts(again), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("P3"));
    }

    [Fact]
    public async Task Change_filters_shows_the_form_with_the_values_of_the_result()
    {
        var form = await FormAsync(OpenPurchases);
        var result = await Bot.ClickAsync("report.run", Filled(form, ("Department", "Finance"), ("Amount at least", "250")));

        var again = await Bot.ClickAsync("report.filters", Button(result, "Change filters"));

        Assert.Contains("Amount at least: 250 · Department: Finance", LinkingBot.Texts(result), StringComparison.Ordinal);
        Assert.Equal("Finance", LinkingBot.Inputs(again)[InputId(again, "Department")].GetProperty("value").GetString());
        Assert.Equal(250, LinkingBot.Inputs(again)[InputId(again, "Amount at least")].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_report_the_user_may_not_run_is_refused_politely()
    {
        var card = await Bot.ClickAsync("report.run", new JsonObject { ["reportSid"] = Guid.NewGuid().ToString(), ["reportName"] = "Salaries" });

        Assert.Contains("That report is not one you may run.", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("P3"));
    }

    [Fact]
    public async Task Integrify_failing_gives_the_retry_card()
    {
        var catalog = await Bot.SayAsync("reports");
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/reports", Status = 503 });

        var card = await Bot.ClickAsync("report.filters", RunButton(catalog, Expenses));

        Assert.Contains("Integrify isn't answering", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(["Try again"], Titles(card.GetProperty("actions")));
    }

    [Fact]
    public async Task In_a_channel_the_card_shows_no_report_to_the_others_and_refreshes_for_the_asker()
    {
        var channel = TeamsActivities.ChannelMessage(Bot.Connector.ServiceUrl, "reports");

        var shared = await Bot.SendAsync(channel);
        var mine = await Bot.ClickAsync("reports.page", Data(shared.GetProperty("refresh").GetProperty("action")), (JsonObject)channel["conversation"]!.DeepClone());

        Assert.DoesNotContain(Expenses, LinkingBot.Texts(shared), StringComparison.Ordinal);
        Assert.Equal([TeamsActivities.UserId], shared.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Contains($"**{Expenses}**", LinkingBot.Texts(mine), StringComparison.Ordinal);
    }

    private async Task<JsonElement> FormAsync(string report) =>
        await Bot.ClickAsync("report.filters", RunButton(await Bot.SayAsync("reports"), report));


    private async Task<JsonElement> ClickAsAsync(string verb, JsonObject data, string locale)
    {
        using var response = await Bot.Client.PostAsJsonAsync("/api/messages", ExecuteAs(Bot.Connector.ServiceUrl, verb, data, locale));
        response.EnsureSuccessStatusCode();
        return (await Teams.MessagesEndpointTests.ReadJsonAsync(response)).GetProperty("value");
    }


    private static IEnumerable<string> ClaimIds(ReportResult result, int skip, int take) =>
        result.Rows.Skip(skip).Take(take).Select(row => row["claimId"].GetRawText());

    private static ReportFilterValue Value<T>(string label, T value) => new(label, JsonSerializer.SerializeToElement(value));

    /// <summary>A row of a report result, read by column key.</summary>
    internal sealed record ReportRow(IReadOnlyDictionary<string, JsonElement> Cells)
    {
        public string Text(string key) => Cells[key].GetString()!;

        public decimal Number(string key) => Cells[key].GetDecimal();
    }
}
