using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Reports;

/// <summary>
/// A report's exposed filters (P2) as card inputs of the right kind, and the values typed into them
/// read back into what Integrify's run takes (P3). Card inputs arrive as strings, whatever their kind,
/// and from the client: each is checked against the filter Integrify describes now.
/// </summary>
public static class ReportFilterForm
{
    public const int MaxTextLength = 100;

    /// <summary>More filters than a card can sensibly ask for are left to Integrify's own page.</summary>
    public const int MaxFilters = 10;

    public const int MaxOptions = 100;

    private const string InputPrefix = "rf";
    private const string ToSuffix = "to";

    /// <summary>The filters a person fills in, as Integrify lists them; hidden ones Integrify applies by itself.</summary>
    public static IReadOnlyList<ReportFilter> Exposed(IReadOnlyList<ReportFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return [.. filters.Where(filter => filter.Expose && !string.IsNullOrWhiteSpace(filter.Text)).Take(MaxFilters)];
    }

    public static ReportFilterKind KindOf(ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var type = filter.FieldType ?? string.Empty;
        if (type.Contains("Number", StringComparison.OrdinalIgnoreCase) || type.Contains("Numeric", StringComparison.OrdinalIgnoreCase))
        {
            return ReportFilterKind.Number;
        }

        if (type.Contains("Date", StringComparison.OrdinalIgnoreCase))
        {
            return ReportFilterKind.DateRange;
        }

        // A choice filter without options can only be typed.
        return OptionsOf(filter).Count > 0 ? ReportFilterKind.Choice : ReportFilterKind.Text;
    }

    /// <summary>
    /// The input's id: named after the filter's label, so a value reaches the filter it was typed
    /// for even if Integrify lists the filters in another order the next time.
    /// </summary>
    public static string InputId(ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes((filter.Text ?? string.Empty).Trim().ToUpperInvariant()));
        return InputPrefix + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>A choice filter's options: Integrify gives strings, or objects with a value and a text.</summary>
    public static IReadOnlyList<Choice> OptionsOf(ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Options is not { ValueKind: JsonValueKind.Array } options)
        {
            return [];
        }

        var choices = new List<Choice>();
        foreach (var option in options.EnumerateArray().Take(MaxOptions))
        {
            var (value, title) = option.ValueKind switch
            {
                JsonValueKind.String => (option.GetString(), option.GetString()),
                JsonValueKind.Object => (Member(option, "value") ?? Member(option, "text"), Member(option, "text") ?? Member(option, "value")),
                _ => (null, null),
            };
            if (!string.IsNullOrWhiteSpace(value) && value.Length <= MaxTextLength)
            {
                choices.Add(new Choice(CardText.Truncate(title ?? value, MaxTextLength), value));
            }
        }

        return choices;
    }

    /// <summary>The inputs that ask for one filter, showing the values given before.</summary>
    public static IEnumerable<CardElement> Inputs(ReportFilter filter, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(given);
        var id = InputId(filter);
        var label = CardText.Truncate(filter.Text!.Trim(), 80);
        var value = given.GetValueOrDefault(id);
        switch (KindOf(filter))
        {
            case ReportFilterKind.Number:
                yield return new NumberInput(id) { Label = label, Placeholder = "Any", Value = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? (double)number : null };
                break;
            case ReportFilterKind.DateRange:
                yield return new ColumnSet(
                [
                    new Column([new DateInput(id) { Label = $"{label}: from", Value = Day(value) }]) { Width = ColumnWidth.Weighted(1) },
                    new Column([new DateInput(id + ToSuffix) { Label = "to", Value = Day(given.GetValueOrDefault(id + ToSuffix)) }]) { Width = ColumnWidth.Weighted(1) },
                ]);
                break;
            case ReportFilterKind.Choice:
                yield return new ChoiceSetInput(id, OptionsOf(filter)) { Label = label, Style = ChoiceInputStyle.Compact, Placeholder = "Any", Value = value };
                break;
            default:
                yield return new TextInput(id) { Label = label, Placeholder = "Any", Value = value, MaxLength = MaxTextLength };
                break;
        }
    }

    /// <summary>
    /// Reads the values typed into the card for the report's exposed filters: what to send Integrify,
    /// what to carry on in the result's buttons, or what is wrong in the user's words.
    /// </summary>
    public static ReportFilterReading Read(IReadOnlyList<ReportFilter> exposed, IReadOnlyDictionary<string, JsonElement>? values)
    {
        ArgumentNullException.ThrowIfNull(exposed);

        // As typed, to show the card again with a problem without losing what the user wrote.
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in exposed.Select(InputId).SelectMany(id => new[] { id, id + ToSuffix }))
        {
            Keep(typed, id, Text(values, id) is { } raw ? CardText.Truncate(raw, MaxTextLength) : null);
        }

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var send = new List<ReportFilterValue>();
        foreach (var filter in exposed)
        {
            var id = InputId(filter);
            var label = filter.Text!.Trim();
            var text = Text(values, id);
            var kind = KindOf(filter);
            var to = kind == ReportFilterKind.DateRange ? Text(values, id + ToSuffix) : null;
            if (text is null && to is null)
            {
                continue;
            }

            if (text?.Length > MaxTextLength || to?.Length > MaxTextLength)
            {
                return ReportFilterReading.Wrong(typed, $"“{label}” is too long.");
            }

            switch (kind)
            {
                case ReportFilterKind.Number:
                    if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                    {
                        return ReportFilterReading.Wrong(typed, $"“{label}” takes a number.");
                    }

                    send.Add(new ReportFilterValue(label, JsonSerializer.SerializeToElement(number)));
                    break;
                case ReportFilterKind.DateRange:
                    DateOnly? from = Day(text), until = Day(to);
                    if ((text is not null && from is null) || (to is not null && until is null))
                    {
                        return ReportFilterReading.Wrong(typed, $"“{label}” takes dates.");
                    }

                    if (from > until)
                    {
                        return ReportFilterReading.Wrong(typed, $"“{label}” starts after it ends.");
                    }

                    send.Add(new ReportFilterValue(label, JsonSerializer.SerializeToElement(new[] { Iso(from), Iso(until) })));
                    break;
                case ReportFilterKind.Choice:
                    var option = OptionsOf(filter).FirstOrDefault(choice => string.Equals(choice.Value, text, StringComparison.OrdinalIgnoreCase));
                    if (option is null)
                    {
                        return ReportFilterReading.Wrong(typed, $"Pick one of the options of “{label}”.");
                    }

                    text = option.Value;
                    send.Add(new ReportFilterValue(label, JsonSerializer.SerializeToElement(option.Value)));
                    break;
                default:
                    send.Add(new ReportFilterValue(label, JsonSerializer.SerializeToElement(text)));
                    break;
            }

            Keep(given, id, text);
            Keep(given, id + ToSuffix, to);
        }

        return new ReportFilterReading(given, send, Problem: null);
    }

    /// <summary>"Department: IT · Submitted: 11/1/2026 – 11/28/2026", in the user's culture.</summary>
    public static string Describe(IReadOnlyList<ReportFilter> exposed, IReadOnlyDictionary<string, string> given, string? locale)
    {
        ArgumentNullException.ThrowIfNull(exposed);
        ArgumentNullException.ThrowIfNull(given);
        var culture = CardCulture.For(locale);
        var parts = new List<string>();
        foreach (var filter in exposed)
        {
            var id = InputId(filter);
            var value = given.GetValueOrDefault(id);
            var described = KindOf(filter) switch
            {
                ReportFilterKind.DateRange => Range(Day(value), Day(given.GetValueOrDefault(id + ToSuffix)), culture),
                ReportFilterKind.Number when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number.ToString("G", culture),
                _ => value,
            };
            if (described is not null)
            {
                parts.Add($"{CardText.Escape(filter.Text!.Trim(), 60)}: {CardText.Escape(described, 60)}");
            }
        }

        return string.Join(" · ", parts);
    }

    private static string? Range(DateOnly? from, DateOnly? until, CultureInfo culture) => (from, until) switch
    {
        (null, null) => null,
        ({ } start, null) => $"from {start.ToString("d", culture)}",
        (null, { } end) => $"until {end.ToString("d", culture)}",
        ({ } start, { } end) => $"{start.ToString("d", culture)} – {end.ToString("d", culture)}",
    };

    private static string? Text(IReadOnlyDictionary<string, JsonElement>? values, string id)
    {
        if (values is null || !values.TryGetValue(id, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static void Keep(Dictionary<string, string> given, string id, string? value)
    {
        if (value is not null)
        {
            given[id] = value;
        }
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Member(JsonElement option, string name)
    {
        foreach (var property in option.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}

/// <summary>
/// The values read from a report's filter inputs: <see cref="Given"/> as typed (to redraw the inputs
/// and carry on in buttons), <see cref="Send"/> as Integrify takes them, or a <see cref="Problem"/>.
/// </summary>
public sealed record ReportFilterReading(IReadOnlyDictionary<string, string> Given, IReadOnlyList<ReportFilterValue> Send, string? Problem)
{
    public static ReportFilterReading Wrong(IReadOnlyDictionary<string, string> given, string problem) => new(given, [], problem);
}
