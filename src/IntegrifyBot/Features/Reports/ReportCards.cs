using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Reports;

/// <summary>The cards of reports: pure functions from Integrify's answers to what the user sees.</summary>
public static class ReportCards
{
    public const int MaxNameLength = 80;

    /// <summary>How far a result can be paged in a card; all of it is in the CSV export.</summary>
    public const int MaxPagedRows = 500;

    private const string ShowReports = "Show reports";

    /// <summary>The reports the user may run (P1), ten a page, each with Run.</summary>
    public static AdaptiveCard Catalog(IReadOnlyList<SearchResult> reports, ReportCatalogView view, BotRequest turn, CardNotice? notice = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(turn);
        var searched = CardParts.Matching(view.Search);
        var page = reports.Skip(view.Start).Take(CardLimits.PageSize).ToList();
        var body = CardParts.ListHeader(
            "Reports",
            notice,
            reports.Count,
            view.Start,
            page.Count,
            $"reports{searched} that you may run",
            string.Empty,
            $"There is no report{searched} that you may run.");
        body.AddRange(page.Select(report => new Container(
        [
            new TextBlock($"**{CardText.Escape(report.Name, MaxNameLength)}**"),
            new TextBlock(string.Join(" · ", new[] { CardText.Escape(report.Category, 40), CardText.Escape(report.Description, 200) }.Where(part => part.Length > 0))) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new ActionSet([CardActions.Execute("Run", ReportVerbs.Filters, new ReportView(report.Sid, CardText.Truncate(report.Name ?? "Report", MaxNameLength)))]),
        ])
        {
            Separator = true,
            Spacing = Spacing.Medium,
        }));

        var actions = CardParts.Paging(ReportVerbs.Page, view, view.Start, page.Count, reports.Count, CardLimits.PageSize, (catalog, start) => catalog with { Start = start }).ToList();
        return new AdaptiveCard
        {
            FallbackText = $"You may run {reports.Count} reports.",
            Body = body,
            Actions = actions.Count == 0 ? null : actions,
            Refresh = CardRefreshes.ForAskerWhenShared(turn, ShowReports, ReportVerbs.Page, view),
        };
    }

    /// <summary>
    /// What everyone in a group chat or channel sees when someone asks for reports: nothing of them.
    /// Teams replaces it for the person who asked by the reports they may run.
    /// </summary>
    public static AdaptiveCard Private(BotRequest turn, ReportCatalogView view)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new AdaptiveCard
        {
            FallbackText = "Reports are shown only to the person who asked.",
            Body =
            [
                CardParts.Heading("Reports"),
                new TextBlock("Reports show what Integrify lets each person see, so only the person who asked sees them on this card. Send me **reports** to run yours.") { IsSubtle = true },
            ],
            Refresh = CardRefreshes.ForAsker(turn, ShowReports, ReportVerbs.Page, view),
        };
    }

    /// <summary>The report's exposed filters as inputs, with the values given before, and Run.</summary>
    public static AdaptiveCard FilterForm(ReportView report, IReadOnlyList<ReportFilter> exposed, IReadOnlyDictionary<string, string> given, BotRequest turn, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(exposed);
        ArgumentNullException.ThrowIfNull(turn);
        var body = CardParts.Header(CardText.Escape(report.ReportName ?? "Report", MaxNameLength), problem is null ? null : new CardNotice(problem, IsProblem: true));
        body.Add(new TextBlock("Fill in what you want to narrow the report to; leave the rest empty.") { IsSubtle = true, Size = TextSize.Small });
        body.AddRange(exposed.SelectMany(filter => ReportFilterForm.Inputs(filter, given)));
        var bare = report with { Start = 0, Values = null };
        return new AdaptiveCard
        {
            FallbackText = $"Choose the filters of {report.ReportName}.",
            Body = body,
            Actions =
            [
                CardActions.Execute("Run report", ReportVerbs.Run, bare, ActionStyle.Positive),
                CardActions.Execute("All reports", ReportVerbs.Page, new ReportCatalogView()),
            ],
            Refresh = CardRefreshes.ForAskerWhenShared(turn, ShowReports, ReportVerbs.Filters, report),
        };
    }

    /// <summary>
    /// A page of the result as a table, typed and in the user's culture, with the total, paging, and
    /// export. Kept under Teams' message size: a page of long rows shows fewer of them.
    /// </summary>
    public static AdaptiveCard Result(ReportView report, ReportResult result, string filtersDescribed, BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(turn);
        for (var rows = CardLimits.PageSize; ; rows = Math.Max(1, rows / 2))
        {
            var card = Result(report, result, filtersDescribed, turn, rows);
            if (rows == 1 || CardLimits.Fits(card))
            {
                return card;
            }
        }
    }

    private static AdaptiveCard Result(ReportView report, ReportResult result, string filtersDescribed, BotRequest turn, int pageRows)
    {
        var start = report.Start;
        var page = result.Rows.Skip(start).Take(pageRows).ToList();
        var body = new List<CardElement>
        {
            CardParts.Heading(CardText.Escape(report.ReportName ?? "Report", MaxNameLength)),
        };
        if (filtersDescribed.Length > 0)
        {
            body.Add(new TextBlock(filtersDescribed) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        }

        if (result.Total == 0 || page.Count == 0)
        {
            body.Add(new TextBlock(filtersDescribed.Length == 0 ? "The report has no rows." : "No rows match these filters."));
        }
        else
        {
            body.Add(new TextBlock($"{result.Total} rows · showing {start + 1}–{start + page.Count}") { Size = TextSize.Small, Weight = TextWeight.Bolder });
            var (table, columnsLeftOut) = ReportTable.For(result.Columns, page, turn);
            body.Add(table);
            var more = new List<string>();
            if (columnsLeftOut > 0)
            {
                more.Add($"{columnsLeftOut} more columns");
            }

            if (result.Total > MaxPagedRows && start + page.Count >= MaxPagedRows)
            {
                more.Add($"all {result.Total} rows");
            }

            if (more.Count > 0)
            {
                body.Add(new TextBlock($"Export the CSV for {string.Join(" and ", more)}.") { IsSubtle = true, Size = TextSize.Small });
            }
        }

        var pageable = Math.Min(result.Total, MaxPagedRows);
        var actions = CardParts.Paging(ReportVerbs.Run, report, start, page.Count, pageable, pageRows, (view, at) => view with { Start = at }).ToList();
        if (result.Total > 0)
        {
            actions.Add(CardActions.Execute("Export CSV", ReportVerbs.Export, report));
        }

        actions.Add(CardActions.Execute("Change filters", ReportVerbs.Filters, report with { Start = 0 }));
        actions.Add(CardActions.Execute("All reports", ReportVerbs.Page, new ReportCatalogView()));
        return new AdaptiveCard
        {
            FallbackText = $"{report.ReportName}: {result.Total} rows.",
            Body = body,
            Actions = actions,
            Refresh = CardRefreshes.ForAskerWhenShared(turn, ShowReports, ReportVerbs.Run, report),
            Teams = TeamsCardOptions.FullWidth,
        };
    }

    /// <summary>The export is ready: a link for the person who asked alone, that works once and expires.</summary>
    public static AdaptiveCard ExportReady(ReportView report, Uri download, DateTimeOffset expires, BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(turn);
        return new AdaptiveCard
        {
            FallbackText = $"Your CSV export of {report.ReportName} is ready.",
            Body =
            [
                CardParts.Banner($"Your CSV of “{CardText.Escape(report.ReportName ?? "the report", MaxNameLength)}” is ready.", isProblem: false),
                new TextBlock($"The link is yours alone: it works once, until {CardDates.Format(expires, turn.Locale, turn.TimeZone)}. Export again for a new one.") { IsSubtle = true, Size = TextSize.Small },
            ],
            Actions =
            [
                new OpenUrlAction(download) { Title = "Download CSV" },
                CardActions.Execute("Back to the report", ReportVerbs.Run, report),
            ],
        };
    }

    /// <summary>The export cannot be offered: the bot has no address people's browsers can reach.</summary>
    public static AdaptiveCard ExportUnavailable(ReportView report) => new()
    {
        FallbackText = "CSV export is not set up.",
        Body =
        [
            CardParts.Banner("CSV export is not set up on this bot: it needs its public address (Bot:PublicUrl). Please tell your Teams administrator.", isProblem: true),
        ],
        Actions = [CardActions.Execute("Back to the report", ReportVerbs.Run, report)],
    };
}
