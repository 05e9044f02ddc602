using System.Globalization;
using System.Net;
using System.Text.Json;
using Integrify.Simulator.Tests.Infrastructure;

namespace Integrify.Simulator.Tests;

public sealed class ReportTests
{
    private const string OpenPurchases = "9b2c7d4e-5f6a-4b1c-8d2e-0000000000b1";
    private const string TimeOffByDepartment = "9b2c7d4e-5f6a-4b1c-8d2e-0000000000b2";
    private const string ExpenseClaims = "9b2c7d4e-5f6a-4b1c-8d2e-0000000000b3";

    private static readonly string[] December = ["2025-12-01", "2025-12-31"];
    private static readonly string?[] FromTomorrow = ["2026-01-08", null];
    private static readonly string[] MealsAndTraining = ["meals", "Training"];

    private static readonly DateTimeOffset Today = new(TestSimulator.Epoch.UtcDateTime.Date, TimeSpan.Zero);

    [Fact]
    public async Task Reports_listed_are_the_ones_the_caller_may_run()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var adele = await sim.SignInAsync("adelev");

        var alexs = (await alex.GetJsonAsync("api/reports/search?permissionType=run")).EnumerateArray().ToList();
        var adeles = (await adele.GetJsonAsync("api/reports/search?permissionType=run")).EnumerateArray().ToList();
        var searched = (await alex.GetJsonAsync("api/reports/search?permissionType=run&search=expense")).EnumerateArray().ToList();
        using var forbidden = await adele.GetAsync($"api/reports/{TimeOffByDepartment}/filters");

        Assert.Equal(["Expense claims this quarter", "Open purchase requests", "Time off by department"], alexs.Select(report => report.Text("name")));
        Assert.All(alexs, report => Assert.Equal(["category", "description", "name", "sid"], Wire.Names(report)));
        Assert.Equal(2, adeles.Count);
        Assert.Equal(ExpenseClaims, Assert.Single(searched).Text("sid"));
        await Wire.AssertErrorAsync(forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Filters_come_in_the_legacy_pascal_case_shape_with_every_kind()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var filters = (await alex.GetJsonAsync($"api/reports/{OpenPurchases}/filters")).EnumerateArray().ToList();

        Assert.All(filters, filter => Assert.Equal(["Expose", "FieldType", "MappingVal", "Operator", "Options", "Text", "Value"], Wire.Names(filter)));
        var exposed = filters.Where(filter => filter.GetProperty("Expose").GetBoolean()).ToList();
        Assert.Equal(
            ["ExposeTextFilter", "ExposeNumberFilter", "ExposeDateFilter", "ExposeChoiceFilter"],
            exposed.Select(filter => filter.Text("FieldType")));
        Assert.Equal(7, exposed.Single(filter => filter.Text("FieldType") == "ExposeChoiceFilter").GetProperty("Options").GetArrayLength());
        var hidden = Assert.Single(filters, filter => !filter.GetProperty("Expose").GetBoolean());
        Assert.Equal(("Request|Status", "Open"), (hidden.Text("MappingVal"), hidden.Text("Value")));
    }

    [Fact]
    public async Task Running_without_filters_returns_typed_columns_and_every_row_up_to_the_limit()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        var all = await alex.PostJsonAsync($"api/reports/{ExpenseClaims}/run", "[]");
        var limited = await alex.PostJsonAsync($"api/reports/{ExpenseClaims}/run?limit=5", "[]");

        Assert.Equal(["columns", "rows", "total"], Wire.Names(all));
        Assert.Equal(
            [("claimId", "number"), ("employee", "string"), ("category", "string"), ("description", "string"), ("amount", "currency"), ("submitted", "date"), ("status", "string")],
            all.GetProperty("columns").EnumerateArray().Select(column => (column.Text("key"), column.Text("type"))));
        Assert.Equal((60, 60), (all.GetProperty("total").GetInt32(), all.GetProperty("rows").GetArrayLength()));
        Assert.Equal((60, 5), (limited.GetProperty("total").GetInt32(), limited.GetProperty("rows").GetArrayLength()));
        var row = all.GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.Number, row.GetProperty("amount").ValueKind);
        Assert.Matches(@"^\d+\.\d\d$", row.GetProperty("amount").GetRawText());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT00:00:00Z$", row.Text("submitted"));
    }

    [Fact]
    public async Task Text_filter_keeps_rows_that_contain_the_text()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var rows = await AllRowsAsync(alex, OpenPurchases);

        var result = await RunAsync(alex, OpenPurchases, ("Requester", "vance"));

        AssertRows(rows.Where(row => row.Text("requester").Contains("vance", StringComparison.OrdinalIgnoreCase)), result);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("\"1000\"")]
    public async Task Number_filter_keeps_rows_at_or_above_it(string value)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var rows = await AllRowsAsync(alex, OpenPurchases);

        var result = await RunAsync(alex, OpenPurchases, ("Amount at least", JsonDocument.Parse(value).RootElement));

        AssertRows(rows.Where(row => row.GetProperty("amount").GetDecimal() >= 1000), result);
    }

    [Fact]
    public async Task Date_filter_takes_a_number_of_days_back_from_today()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var rows = await AllRowsAsync(alex, OpenPurchases);

        var result = await RunAsync(alex, OpenPurchases, ("Submitted", 30));

        var expected = rows.Where(row => row.Date("submitted") >= Today.AddDays(-30)).ToList();
        Assert.InRange(expected.Count, 1, 59);
        AssertRows(expected, result);
    }

    [Fact]
    public async Task Date_filter_takes_a_start_and_end_date_both_inclusive()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var rows = await AllRowsAsync(alex, TimeOffByDepartment);

        var result = await RunAsync(alex, TimeOffByDepartment, ("From", December));
        var openEnded = await RunAsync(alex, TimeOffByDepartment, ("From", FromTomorrow));

        AssertRows(rows.Where(row => row.Date("startDate") >= new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero) && row.Date("startDate") <= new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero)), result);
        AssertRows(rows.Where(row => row.Date("startDate") > Today), openEnded);
    }

    [Fact]
    public async Task Choice_filter_takes_one_option_or_several()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var rows = await AllRowsAsync(alex, ExpenseClaims);

        var travel = await RunAsync(alex, ExpenseClaims, ("Category", "Travel"));
        var several = await RunAsync(alex, ExpenseClaims, ("Category", MealsAndTraining), ("Employee", "a"));

        AssertRows(rows.Where(row => row.Text("category") == "Travel"), travel);
        AssertRows(rows.Where(row => row.Text("category") is "Meals" or "Training" && row.Text("employee").Contains('a', StringComparison.OrdinalIgnoreCase)), several);
    }

    [Fact]
    public async Task Filters_are_found_by_mapping_value_too_and_empty_values_are_ignored()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var rows = await AllRowsAsync(alex, ExpenseClaims);

        var result = await RunAsync(alex, ExpenseClaims, ("expense|category", "Software"), ("Employee", ""), ("Submitted", null));

        AssertRows(rows.Where(row => row.Text("category") == "Software"), result);
    }

    [Theory]
    [InlineData("""[{"label":"Colour","value":"red"}]""", "no exposed filter 'Colour'")]
    [InlineData("""[{"label":"Status","value":"Open"}]""", "no exposed filter 'Status'")]
    [InlineData("""[{"value":"Travel"}]""", "needs a label")]
    [InlineData("""[{"label":"Department","value":"Legal"}]""", "takes one of its options")]
    [InlineData("""[{"label":"Amount at least","value":"lots"}]""", "takes a number")]
    [InlineData("""[{"label":"Submitted","value":"last week"}]""", "number of days")]
    [InlineData("""[{"label":"Submitted","value":["2026-01-05","2026-01-01"]}]""", "starts after it ends")]
    [InlineData("""[{"label":"Requester","value":{"name":"x"}}]""", "takes text")]
    public async Task Filter_values_that_do_not_fit_are_a_bad_request(string body, string description)
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");

        using var response = await alex.PostAsync($"api/reports/{OpenPurchases}/run", body);

        Assert.Contains(description, await Wire.AssertErrorAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_has_a_header_and_the_same_rows_as_the_report()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var report = await alex.PostJsonAsync($"api/reports/{ExpenseClaims}/run?limit=1000", "[]");

        using var response = await alex.GetAsync($"api/reports/{ExpenseClaims}/export/data/csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var records = Csv.Parse(csv);
        var columns = report.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(columns.Select(column => column.Text("label")), records[0]);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, records.Count - 1);
        for (var index = 0; index < rows.Count; index++)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                var value = rows[index].GetProperty(columns[column].Text("key"));
                var cell = records[index + 1][column];
                if (value.ValueKind == JsonValueKind.Number)
                {
                    Assert.Equal(value.GetDecimal(), decimal.Parse(cell, CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(value.GetString(), cell);
                }
            }
        }

        Assert.Contains("\"Dinner with \"\"Fabrikam\"\" buyers\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_pages_with_start_and_count_and_takes_the_same_filters()
    {
        await using var sim = await TestSimulator.StartAsync();
        var alex = await sim.SignInAsync("alexw");
        var all = Csv.Parse(await (await alex.GetAsync($"api/reports/{OpenPurchases}/export/data/csv")).Content.ReadAsStringAsync());
        var filtered = await RunAsync(alex, OpenPurchases, ("Department", "IT"));

        using var page = await alex.GetAsync($"api/reports/{OpenPurchases}/export/data/csv?start=10&count=5");
        using var withFilters = await alex.GetAsync($"api/reports/{OpenPurchases}/export/data/csv?filters={Uri.EscapeDataString("""[{"label":"Department","value":"IT"}]""")}");
        using var bad = await alex.GetAsync($"api/reports/{OpenPurchases}/export/data/csv?count=0");

        var records = Csv.Parse(await page.Content.ReadAsStringAsync());
        Assert.Equal(all[0], records[0]);
        Assert.Equal(all.Skip(11).Take(5), records.Skip(1));
        Assert.Equal(filtered.GetProperty("total").GetInt32() + 1, Csv.Parse(await withFilters.Content.ReadAsStringAsync()).Count);
        await Wire.AssertErrorAsync(bad, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_start_seeds_the_same_rows_and_sids()
    {
        await using var first = await TestSimulator.StartAsync();
        await using var second = await TestSimulator.StartAsync();
        var alexOne = await first.SignInAsync("alexw");
        var alexTwo = await second.SignInAsync("alexw");

        foreach (var report in new[] { OpenPurchases, TimeOffByDepartment, ExpenseClaims })
        {
            var one = await alexOne.PostJsonAsync($"api/reports/{report}/run?limit=1000", "[]");
            var two = await alexTwo.PostJsonAsync($"api/reports/{report}/run?limit=1000", "[]");
            Assert.Equal(one.GetRawText(), two.GetRawText());
            Assert.Equal(60, one.GetProperty("total").GetInt32());
        }

        Assert.Equal((await alexOne.TaskListAsync()).GetRawText(), (await alexTwo.TaskListAsync()).GetRawText());
    }

    private static async Task<List<JsonElement>> AllRowsAsync(Session session, string report) =>
        [.. (await session.PostJsonAsync($"api/reports/{report}/run?limit=1000", "[]")).GetProperty("rows").EnumerateArray()];

    private static Task<JsonElement> RunAsync(Session session, string report, params (string Label, object? Value)[] filters) =>
        session.PostJsonAsync($"api/reports/{report}/run?limit=1000", filters.Select(filter => new { label = filter.Label, value = filter.Value }).ToList());

    private static void AssertRows(IEnumerable<JsonElement> expected, JsonElement result)
    {
        var rows = expected.Select(row => row.GetRawText()).ToList();
        Assert.Equal(rows.Count, result.GetProperty("total").GetInt32());
        Assert.Equal(rows, result.GetProperty("rows").EnumerateArray().Select(row => row.GetRawText()));
        Assert.NotEmpty(rows);
    }
}
