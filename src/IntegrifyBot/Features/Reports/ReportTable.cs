using System.Text.Json;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Reports;

/// <summary>
/// A page of a report's result as a table that still reads in a chat, which is narrower than a
/// spreadsheet (about 450 pixels on Teams' default card width and on phones).
/// </summary>
public static class ReportTable
{
    /// <summary>Columns beyond these are in the export only.</summary>
    public const int MaxColumns = 6;

    private const int MaxCellLength = 60;

    // Teams' small text takes about seven pixels a character, and a cell pads its text.
    private const int PixelsPerCharacter = 7;
    private const int CellPadding = 16;

    /// <summary>The table, and how many of the result's columns it leaves out.</summary>
    public static (Table Table, int ColumnsLeftOut) For(IReadOnlyList<ReportColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> rows, BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(turn);
        var cells = columns.ToDictionary(
            column => column,
            column => rows.Select(row => CardText.Truncate(ReportCells.Format(column, row.GetValueOrDefault(column.Key), turn.Locale, turn.TimeZone), MaxCellLength)).ToList());
        var shown = Choose(columns, cells);
        var header = new TableRow([.. shown.Select(column => new TableCell([new TextBlock(CardText.Escape(column.Label ?? column.Key, 40)) { Weight = TextWeight.Bolder, Size = TextSize.Small }]))]);
        var lines = Enumerable.Range(0, rows.Count).Select(index => new TableRow([.. shown.Select(column => new TableCell(
        [
            new TextBlock(CardText.Escape(cells[column][index], MaxCellLength)) { Size = TextSize.Small },
        ]))]));
        var table = new Table([.. shown.Select(column => Definition(column, cells[column]))], [header, .. lines])
        {
            FirstRowAsHeader = true,
            ShowGridLines = true,
        };
        return (table, columns.Count - shown.Count);
    }

    /// <summary>
    /// All columns when they fit. When they do not, a column with the same value on every row of the
    /// page gives way first (a filter fixed it, and the card's filter line says so), then the last
    /// ones: report designers put what matters first.
    /// </summary>
    private static List<ReportColumn> Choose(IReadOnlyList<ReportColumn> columns, Dictionary<ReportColumn, List<string>> cells)
    {
        if (columns.Count <= MaxColumns)
        {
            return [.. columns];
        }

        var varying = columns.Where((column, index) => index == 0 || cells[column].Distinct(StringComparer.Ordinal).Skip(1).Any()).ToList();
        var chosen = (varying.Count >= MaxColumns ? varying : [.. varying, .. columns.Except(varying)]).Take(MaxColumns).ToHashSet();
        return [.. columns.Where(chosen.Contains)];
    }

    /// <summary>
    /// Numbers and dates get the pixels their longest value needs, so that they are never broken
    /// across lines; text columns share the rest by the length of their longest word.
    /// </summary>
    private static TableColumn Definition(ReportColumn column, List<string> cells)
    {
        var longestWord = (column.Label ?? column.Key).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word.Length).DefaultIfEmpty(1).Max();
        var longestCell = cells.Select(cell => cell.Length).DefaultIfEmpty(1).Max();
        if (ReportCells.IsNumeric(column) || ReportCells.IsDate(column))
        {
            var characters = Math.Max(longestWord, longestCell);
            return new TableColumn(ColumnWidth.InPixels(Math.Clamp((characters * PixelsPerCharacter) + CellPadding, 40, 160)))
            {
                HorizontalCellContentAlignment = ReportCells.IsNumeric(column) ? HorizontalAlignment.Right : null,
            };
        }

        // Text wraps between words, so a column's share follows its longest word: no word is broken
        // where the width allows it.
        var longestCellWord = cells.SelectMany(cell => cell.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(word => word.Length).DefaultIfEmpty(1).Max();
        return new TableColumn(ColumnWidth.Weighted(Math.Clamp(Math.Max(longestWord, longestCellWord), 4, 24)));
    }
}
