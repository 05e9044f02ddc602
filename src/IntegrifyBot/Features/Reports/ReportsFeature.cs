using System.Text.Json;
using IntegrifyBot.Cards;
using IntegrifyBot.Features.Reports.Export;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Reports;

/// <summary>
/// Reports the user may run: find one, fill in its exposed filters, read the result as a table a page
/// at a time, and export all of it as CSV through a download link that is the user's alone.
/// </summary>
public sealed partial class ReportsFeature(
    IIntegrifyReportsApi reports,
    ReportExportLinks exports,
    ILogger<ReportsFeature> logger) : IBotFeature
{
    public static CommandDescriptor ReportsCommand { get; } = new("reports", "Find and run a report", "report", "my reports", "run report", "run a report")
    {
        Example = "reports expenses",
    };

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapLinkedCommand(ReportsCommand, (request, user, token) => AskedAsync(request.Turn, user, new ReportCatalogView(CardLimits.Search(request.Arguments)), token));
        routes.MapLinkedVerb<ReportCatalogView>(ReportVerbs.Page, retryWithData: true, (turn, user, view, token) => CatalogAsync(turn, user, view, notice: null, token));
        routes.MapLinkedVerb<ReportView>(ReportVerbs.Filters, retryWithData: true, FiltersAsync);
        routes.MapLinkedVerb<ReportView>(ReportVerbs.Run, retryWithData: true, RunAsync);
        routes.MapLinkedVerb<ReportView>(ReportVerbs.Export, retryWithData: true, ExportAsync);
    }

    /// <summary>"reports" typed: the catalog in the personal chat; elsewhere a card that refreshes into it for the asker alone.</summary>
    private async Task<BotReply> AskedAsync(BotRequest turn, IntegrifyUser user, ReportCatalogView view, CancellationToken cancellationToken) =>
        turn.Conversation.Kind == ConversationKind.Personal
            ? await CatalogAsync(turn, user, view, notice: null, cancellationToken)
            : new CardReply(ReportCards.Private(turn, view));

    private async Task<BotReply> CatalogAsync(BotRequest turn, IntegrifyUser user, ReportCatalogView view, CardNotice? notice, CancellationToken cancellationToken)
    {
        var found = await reports.SearchReportsAsync(user, view.Search, cancellationToken);
        var start = view.Start < found.Count ? view.Start : 0;
        return new CardReply(ReportCards.Catalog(found, view with { Start = start }, turn, notice));
    }

    /// <summary>The filter inputs; a report without any runs at once, one click less.</summary>
    private async Task<BotReply> FiltersAsync(BotRequest turn, IntegrifyUser user, ReportView report, CancellationToken cancellationToken)
    {
        var exposed = await ExposedFiltersAsync(user, report, cancellationToken);
        if (exposed is null)
        {
            return await NotYoursAsync(turn, user, cancellationToken);
        }

        if (exposed.Count == 0)
        {
            return await RunAsync(turn, user, report with { Start = 0 }, cancellationToken);
        }

        var reading = ReportFilterForm.Read(exposed, report.Values);
        return new CardReply(ReportCards.FilterForm(report, exposed, reading.Given, turn));
    }

    private Task<BotReply> RunAsync(BotRequest turn, IntegrifyUser user, ReportView report, CancellationToken cancellationToken) =>
        WithFiltersAsync(turn, user, report, (exposed, reading) => RunAsync(turn, report, user, exposed, reading, cancellationToken), cancellationToken);

    private async Task<BotReply> RunAsync(BotRequest turn, ReportView report, IntegrifyUser user, IReadOnlyList<ReportFilter> exposed, ReportFilterReading reading, CancellationToken cancellationToken)
    {
        // The run answers the first rows only (its "limit"), so a page reads everything up to its end.
        ReportResult result;
        try
        {
            result = await reports.RunAsync(user, report.ReportSid, reading.Send, cancellationToken, limit: report.Start + CardLimits.PageSize);
        }
        catch (IntegrifyBadRequestException exception)
        {
            var why = string.IsNullOrWhiteSpace(exception.Description) ? exception.Message : exception.Description;
            return new CardReply(ReportCards.FilterForm(report, exposed, reading.Given, turn, Cards.CardText.Escape($"Integrify did not run the report: {why}", 300)));
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            return await NotYoursAsync(turn, user, cancellationToken);
        }

        // A page past the end (Integrify's data changed meanwhile) shows the last page instead of nothing.
        var start = report.Start < result.Rows.Count || result.Rows.Count == 0 ? report.Start : CardLimits.LastPageStart(result.Rows.Count);
        var view = report with { Start = start, Values = Carried(reading) };
        return new CardReply(ReportCards.Result(view, result, ReportFilterForm.Describe(exposed, reading.Given, turn.Locale), turn));
    }

    private Task<BotReply> ExportAsync(BotRequest turn, IntegrifyUser user, ReportView report, CancellationToken cancellationToken) =>
        WithFiltersAsync(
            turn,
            user,
            report,
            async (_, reading) =>
            {
                var link = await exports.IssueAsync(user, report.ReportSid, report.ReportName ?? "Report", reading.Send, cancellationToken);
                LogExportIssued();
                return new CardReply(link is null
                    ? ReportCards.ExportUnavailable(report)
                    : ReportCards.ExportReady(report with { Values = Carried(reading) }, link.Address, link.ExpiresAt, turn));
            },
            cancellationToken);

    /// <summary>
    /// Reads the card's filter values against the report's filters as Integrify describes them now,
    /// then goes on; a report the user may not run, or a value a filter cannot take, gets its card instead.
    /// </summary>
    private async Task<BotReply> WithFiltersAsync(
        BotRequest turn,
        IntegrifyUser user,
        ReportView report,
        Func<IReadOnlyList<ReportFilter>, ReportFilterReading, Task<BotReply>> then,
        CancellationToken cancellationToken)
    {
        var exposed = await ExposedFiltersAsync(user, report, cancellationToken);
        if (exposed is null)
        {
            return await NotYoursAsync(turn, user, cancellationToken);
        }

        var reading = ReportFilterForm.Read(exposed, report.Values);
        return reading.Problem is null
            ? await then(exposed, reading)
            : new CardReply(ReportCards.FilterForm(report, exposed, reading.Given, turn, reading.Problem));
    }

    /// <summary>The report's exposed filters, or null when Integrify does not let the user run it.</summary>
    private async Task<IReadOnlyList<ReportFilter>?> ExposedFiltersAsync(IntegrifyUser user, ReportView report, CancellationToken cancellationToken)
    {
        try
        {
            return ReportFilterForm.Exposed(await reports.GetFiltersAsync(user, report.ReportSid, cancellationToken));
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            return null;
        }
    }

    private Task<BotReply> NotYoursAsync(BotRequest turn, IntegrifyUser user, CancellationToken cancellationToken) =>
        CatalogAsync(turn, user, new ReportCatalogView(), new CardNotice("That report is not one you may run.", IsProblem: true), cancellationToken);

    /// <summary>The filter values, as checked, for the result's buttons to carry on.</summary>
    private static Dictionary<string, JsonElement>? Carried(ReportFilterReading reading) =>
        reading.Given.Count == 0 ? null : reading.Given.ToDictionary(value => value.Key, value => JsonSerializer.SerializeToElement(value.Value), StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user asked for a report's CSV export")]
    private partial void LogExportIssued();
}
