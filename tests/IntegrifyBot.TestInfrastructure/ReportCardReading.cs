using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using static IntegrifyBot.TestInfrastructure.TaskCardReading;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>Reading report cards as Teams shows them: the reports listed, the filter inputs, the result table.</summary>
internal static class ReportCardReading
{
    public const string OpenPurchases = "Open purchase requests";
    public const string TimeOff = "Time off by department";
    public const string Expenses = "Expense claims this quarter";

    /// <summary>The Run button of a report in the catalog card.</summary>
    public static JsonObject RunButton(JsonElement catalog, string report) =>
        Data(Action(
            catalog.GetProperty("body").EnumerateArray()
                .First(element => element.GetProperty("type").GetString() == "Container" && LinkingBot.Texts(element).StartsWith($"**{report}**", StringComparison.Ordinal))
                .GetProperty("items").EnumerateArray().Last().GetProperty("actions"),
            "Run"));

    /// <summary>The id of the input labelled <paramref name="label"/> (a date range's "from" input for its name).</summary>
    public static string InputId(JsonElement card, string label) =>
        LinkingBot.Inputs(card).First(input => input.Value.TryGetProperty("label", out var text) && (text.GetString() == label || text.GetString() == label + ": from")).Key;

    /// <summary>The filter card's Run report button, with the given input values typed in, as Teams sends it.</summary>
    public static JsonObject Filled(JsonElement form, params (string Label, string Value)[] values)
    {
        var data = Data(Action(form.GetProperty("actions"), "Run report"));
        foreach (var (label, value) in values)
        {
            var to = label.EndsWith(" to", StringComparison.Ordinal);
            var id = InputId(form, to ? label[..^3] : label);
            data[to ? id + "to" : id] = value;
        }

        return data;
    }

    public static JsonElement Table(JsonElement card) =>
        card.GetProperty("body").EnumerateArray().First(element => element.GetProperty("type").GetString() == "Table");

    /// <summary>The table's rows as the texts of their cells, the header first.</summary>
    public static List<List<string>> Rows(JsonElement card) =>
        Table(card).GetProperty("rows").EnumerateArray()
            .Select(row => row.GetProperty("cells").EnumerateArray().Select(cell => Unescape(LinkingBot.Texts(cell))).ToList())
            .ToList();

    /// <summary>Cell text without the card's markdown escapes.</summary>
    public static string Unescape(string text) => text.Replace("\\", string.Empty, StringComparison.Ordinal);

    /// <summary>The column index of a header label in the result table.</summary>
    public static int Column(JsonElement card, string label) => Rows(card)[0].IndexOf(label);

    public static JsonObject Button(JsonElement card, string title) => Data(Action(card.GetProperty("actions"), title));

    /// <summary>`reports`, Run on the report, then Run report with the given values typed in.</summary>
    public static async Task<JsonElement> RunReportAsync(this LinkingBot bot, string report, params (string Label, string Value)[] values)
    {
        var form = await bot.ClickAsync("report.filters", RunButton(await bot.SayAsync("reports"), report));
        return await bot.ClickAsync("report.run", Filled(form, values));
    }

    /// <summary>What the simulator answers Alex for the report run with these filters, every row.</summary>
    public static async Task<ReportResult> RunDirectlyAsync(this LinkingBot bot, string report, IReadOnlyList<ReportFilterValue> filters)
    {
        var api = bot.Service<IIntegrifyReportsApi>();
        var sid = (await api.SearchReportsAsync(LinkingBot.Alex, report, CancellationToken.None)).Single().Sid;
        return await api.RunAsync(LinkingBot.Alex, sid, filters, CancellationToken.None, limit: 1000);
    }

    /// <summary>A card button pressed by another Teams user, in the language and zone given.</summary>
    public static JsonObject ExecuteAs(Uri serviceUrl, string verb, JsonObject data, string? locale = null, JsonObject? from = null)
    {
        var activity = TeamsActivities.Execute(serviceUrl, verb, data);
        if (locale is not null)
        {
            activity["locale"] = locale;
            activity["entities"]![0]!["locale"] = locale;
        }

        if (from is not null)
        {
            activity["from"] = from;
        }

        return activity;
    }
}
