using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// A person in the Teams emulator's web page (headless Debian Chromium) runs a report
/// (tests/tools/playground-reports-ui.mjs): "reports", Run on Open purchase requests, one department
/// picked in the filter card's drop-down, "Run report", the result table, Next, "Export CSV", and
/// "Download CSV", which downloads the file in the browser. Every row seen is checked against what
/// Integrify answers for the same filter. The bot runs in demo mode on its defaults, so the
/// emulator's Alex is linked by himself. The screenshots are kept in artifacts/screenshots/reports
/// for people to look at.
/// </summary>
public sealed partial class PlaygroundReportsUiTests
{
    private const string Report = "Open purchase requests";
    private const string Filter = "Department";

    // Of the demo's 60 purchase requests, more than a page's ten are Sales', so Next has a page to show.
    private const string Department = "Sales";

    private static readonly string[] Columns = ["Request #", "Request", "Requester", "Department", "Vendor", "Amount (USD)", "Submitted", "Stage"];

    // The card has room for six columns: the department, the same on every row (the filter line says
    // which), gives way, and then the last one; the CSV has them all.
    private static readonly string[] CardColumns = ["Request #", "Request", "Requester", "Vendor", "Amount (USD)", "Submitted"];

    [Fact]
    public async Task Alex_runs_a_report_for_one_department_pages_through_it_and_downloads_every_row_as_csv()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");
        await using var bot = await BotApp.DemoWithSimulatorAsync();
        await using var playground = await AgentsPlayground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "reports");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node", [NodeTools.Path("playground-reports-ui.mjs"), playground.BaseAddress.ToString(), screenshots, Report, Filter, Department], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        foreach (var name in new[] { "1-reports.png", "2-filters.png", "3-result.png", "4-next-page.png", "5-export.png" })
        {
            var file = new FileInfo(Path.Combine(screenshots, name));
            Assert.True(file.Exists && file.Length > 10_000, $"{name} is missing or blank.");
        }

        // What Integrify answers the emulator's Alex, whom the bot linked: the reports he may run, and
        // every row of this one for the department picked.
        var alex = new IntegrifyUser(AgentsPlayground.TenantId, AgentsPlayground.UserAadObjectId);
        var reports = bot.Services.GetRequiredService<IIntegrifyReportsApi>();
        var runnable = await reports.SearchReportsAsync(alex, search: null, CancellationToken.None);
        var sid = runnable.Single(report => report.Name == Report).Sid;
        var departments = (await reports.GetFiltersAsync(alex, sid, CancellationToken.None)).Single(filter => filter.Text == Filter).Options!.Value.EnumerateArray().Select(option => option.GetString()!).ToList();
        var expected = await reports.RunAsync(alex, sid, [new ReportFilterValue(Filter, JsonSerializer.SerializeToElement(Department))], CancellationToken.None, limit: 1000);
        Assert.True(expected.Total is > 10 and <= 20, $"The demo data should give {Department} between one and two pages of rows ({expected.Total}).");
        var ids = expected.Rows.Select(row => row["requestId"].GetRawText()).ToList();

        // What the person saw, as the script read it off the page.
        using var seen = JsonDocument.Parse(SeenLine().Match(output) is { Success: true } line ? line.Groups[1].Value : throw new Xunit.Sdk.XunitException("The script printed nothing seen:\n" + output));
        var listed = seen.RootElement.GetProperty("listed");
        Assert.Equal($"{runnable.Count} reports that you may run · showing 1–{runnable.Count}", listed.GetProperty("summary").GetString());
        Assert.Equal(runnable.Select(report => report.Name), Strings(listed.GetProperty("reports")));

        var filters = seen.RootElement.GetProperty("filters");
        Assert.Equal(Report, filters.GetProperty("heading").GetString());
        Assert.Equal(["Requester", "Amount at least", "Submitted: from", "to", "Department"], Strings(filters.GetProperty("labels")));
        Assert.Equal("Any", filters.GetProperty("placeholder").GetString());
        Assert.Equal(departments, Strings(filters.GetProperty("options")));
        Assert.Equal(Department, filters.GetProperty("chosen").GetString());
        Assert.Equal(["Run report", "All reports"], Strings(filters.GetProperty("buttons")));

        var first = seen.RootElement.GetProperty("first");
        Assert.Equal($"{expected.Total} rows · showing 1–10", first.GetProperty("summary").GetString());
        Assert.Equal([Report, $"{Filter}: {Department}"], Strings(first.GetProperty("described")).Take(2));
        Assert.Equal(CardColumns, Strings(first.GetProperty("header")));
        var firstRows = Rows(first);
        Assert.Equal(ids.Take(10), firstRows.Select(cells => cells[0]));
        Assert.Equal(
            expected.Rows.Take(10).Select(row => row["vendor"].GetString()),
            firstRows.Select(cells => cells[Array.IndexOf(CardColumns, "Vendor")]));
        Assert.Equal(["Next", "Export CSV", "Change filters", "All reports"], Strings(first.GetProperty("buttons")));

        var second = seen.RootElement.GetProperty("second");
        Assert.Equal($"{expected.Total} rows · showing 11–{expected.Total}", second.GetProperty("summary").GetString());
        Assert.Equal(CardColumns, Strings(second.GetProperty("header")));
        var secondRows = Rows(second);
        Assert.Equal(ids.Skip(10), secondRows.Select(cells => cells[0]));
        Assert.Equal(["Previous", "Export CSV", "Change filters", "All reports"], Strings(second.GetProperty("buttons")));

        var exported = seen.RootElement.GetProperty("exported");
        Assert.Equal($"Your CSV of “{Report}” is ready.", Strings(exported.GetProperty("text")).First());
        Assert.StartsWith("The link is yours alone: it works once, until ", Strings(exported.GetProperty("text")).Last(), StringComparison.Ordinal);
        Assert.Equal(["Download CSV", "Back to the report"], Strings(exported.GetProperty("buttons")));
        var address = new Uri(exported.GetProperty("address").GetString()!);
        Assert.StartsWith(new Uri(bot.BaseAddress, "/reports/export?key=").ToString(), address.ToString(), StringComparison.Ordinal);

        // The browser downloaded the CSV of every row, not only the pages shown, with the same filter.
        var downloaded = seen.RootElement.GetProperty("downloaded");
        Assert.Equal(200, downloaded.GetProperty("status").GetInt32());
        Assert.StartsWith("text/csv", downloaded.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        Assert.Matches($@"^{Report} \d{{4}}-\d{{2}}-\d{{2}}\.csv$", downloaded.GetProperty("fileName").GetString());
        Assert.Equal(Columns, Strings(downloaded.GetProperty("header")));
        var csvRows = Rows(downloaded);
        Assert.Equal(ids, csvRows.Select(cells => cells[0]));
        Assert.All(csvRows, cells => Assert.Equal(Department, cells[Array.IndexOf(Columns, "Department")]));
        Assert.Equal(
            expected.Rows.Select(row => row["amount"].GetDecimal()),
            csvRows.Select(cells => decimal.Parse(cells[Array.IndexOf(Columns, "Amount (USD)")], CultureInfo.InvariantCulture)));

        // The link worked once: the person's download used it up.
        using var again = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await again.GetAsync(address);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();

    private static List<List<string>> Rows(JsonElement table) => table.GetProperty("rows").EnumerateArray().Select(Strings).ToList();

    [GeneratedRegex(@"^seen: (\{.*\})\s*$", RegexOptions.Multiline)]
    private static partial Regex SeenLine();
}
