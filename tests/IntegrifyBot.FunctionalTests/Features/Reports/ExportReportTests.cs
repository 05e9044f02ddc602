using System.Globalization;
using System.Net;
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

/// <summary>
/// CSV export (P4) through the download link the card gives: over real HTTP, as a browser opens it,
/// checked row by row against what the simulator's run (P3) answers for the same filters.
/// </summary>
public sealed class ExportReportTests : LinkedAlexTests
{
    private static readonly JsonObject Adele = new() { ["id"] = "29:adele", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000c3", ["name"] = "Adele Vance" };

    private readonly HttpClient browser = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task The_csv_has_every_row_of_the_filtered_result_as_integrify_runs_it()
    {
        var result = await Bot.RunReportAsync(OpenPurchases, ("Amount at least", "1000"));

        var link = await ExportLinkAsync(result);
        using var response = await browser.GetAsync(link);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("Open purchase requests", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var expected = await Bot.RunDirectlyAsync(OpenPurchases, [new ReportFilterValue("Amount at least", JsonSerializer.SerializeToElement(1000))]);
        var lines = ParseCsv(csv);
        Assert.Equal(expected.Columns.Select(column => column.Label), lines[0]);
        Assert.Equal(expected.Total, lines.Count - 1);
        Assert.True(expected.Total is > 10 and < 60, $"The filter narrows the report, yet to more rows than the card's first page ({expected.Total}).");
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            var row = expected.Rows[i];
            var cells = lines[i + 1];
            Assert.Equal(row["requestId"].GetRawText(), cells[0]);
            Assert.Equal(row["requester"].GetString(), cells[2]);
            Assert.Equal(row["department"].GetString(), cells[3]);
            Assert.Equal(row["vendor"].GetString(), cells[4]);
            Assert.Equal(row["amount"].GetDecimal(), decimal.Parse(cells[5], CultureInfo.InvariantCulture));
            Assert.True(decimal.Parse(cells[5], CultureInfo.InvariantCulture) >= 1000m);
            Assert.Equal(row["submitted"].GetString(), cells[6]);
        }
    }

    [Fact]
    public async Task A_link_works_once()
    {
        var link = await ExportLinkAsync(await Bot.RunReportAsync(Expenses));

        using var first = await browser.GetAsync(link);
        using var second = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Contains("already used", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, Bot.Simulator.Counters.Calls("P4"));
    }

    [Fact]
    public async Task A_link_is_refused_after_it_expires()
    {
        var card = await Bot.ClickAsync("report.export", Button(await Bot.RunReportAsync(Expenses), "Export CSV"));
        var link = DownloadLink(card);

        Bot.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var response = await browser.GetAsync(link);

        Assert.Contains("it works once, until", LinkingBot.Texts(card), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("P4"));
    }

    [Fact]
    public async Task A_link_that_was_not_issued_or_whose_owner_signed_out_is_refused()
    {
        var link = await ExportLinkAsync(await Bot.RunReportAsync(Expenses));
        using var guessed = await browser.GetAsync(new Uri(link, "/reports/export?key=" + Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('/', '_').Replace('+', '-')));

        await Bot.SayAsync("sign out");
        using var afterSignOut = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterSignOut.StatusCode);
        Assert.Equal(0, Bot.Simulator.Counters.Calls("P4"));
    }

    [Fact]
    public async Task Another_user_pressing_export_on_a_shared_result_gets_nothing_of_the_askers()
    {
        // Alex runs a report only some may run, in a channel; Adele, linked too, presses its Export.
        var channel = TeamsActivities.ChannelMessage(Bot.Connector.ServiceUrl, "reports").AsObject()["conversation"]!.AsObject();
        var result = await Bot.RunReportAsync(TimeOff);
        await ClickAsync("link.password", new JsonObject { ["userName"] = "adelev", ["password"] = "Passw0rd!" }, Adele, channel);

        var adeles = await ClickAsync("report.export", Button(result, "Export CSV"), Adele, channel);

        Assert.Contains("That report is not one you may run.", LinkingBot.Texts(adeles), StringComparison.Ordinal);
        Assert.DoesNotContain("Download CSV", LinkingBot.Texts(adeles), StringComparison.Ordinal);
        await using var database = await Bot.DatabaseAsync();
        Assert.Empty(database.ReportExports);
    }

    [Fact]
    public async Task Integrify_down_when_the_link_is_opened_leaves_the_link_usable()
    {
        var link = await ExportLinkAsync(await Bot.RunReportAsync(Expenses));
        Bot.Simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/reports", Status = 503 });

        using var down = await browser.GetAsync(link);
        Bot.Simulator.Faults.Clear();
        using var again = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("answering right now", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // The link's key is in no log line, though the lines of the download carry its request's path.
        var key = System.Web.HttpUtility.ParseQueryString(link.Query)["key"];
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Contains(Bot.Logs.Lines, line => line.Contains("A report export was downloaded", StringComparison.Ordinal) && line.Contains("RequestPath:/reports/export", StringComparison.Ordinal));
        Assert.DoesNotContain(Bot.Logs.Lines, line => line.Contains(key, StringComparison.Ordinal));
    }

    public override async Task DisposeAsync()
    {
        browser.Dispose();
        await base.DisposeAsync();
    }


    private async Task<Uri> ExportLinkAsync(JsonElement result) =>
        DownloadLink(await Bot.ClickAsync("report.export", Button(result, "Export CSV")));

    private static Uri DownloadLink(JsonElement card)
    {
        var download = Action(card.GetProperty("actions"), "Download CSV");
        Assert.Equal("Action.OpenUrl", download.GetProperty("type").GetString());
        return new Uri(download.GetProperty("url").GetString()!);
    }

    private async Task<JsonElement> ClickAsync(string verb, JsonObject data, JsonObject from, JsonObject conversation)
    {
        var activity = ExecuteAs(Bot.Connector.ServiceUrl, verb, data, from: (JsonObject)from.DeepClone());
        activity["conversation"] = conversation.DeepClone();
        using var response = await Bot.Client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        return (await Teams.MessagesEndpointTests.ReadJsonAsync(response)).GetProperty("value");
    }


    /// <summary>RFC 4180: fields split on commas outside quotes, doubled quotes inside them, CRLF between records.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var character = csv[i];
            if (quoted)
            {
                if (character == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(character);
                }
            }
            else if (character == '"')
            {
                quoted = true;
            }
            else if (character == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (character == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(character);
            }
        }

        Assert.Empty(field.ToString());
        return records;
    }
}
