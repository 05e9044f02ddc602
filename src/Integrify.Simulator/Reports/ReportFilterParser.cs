using System.Globalization;
using System.Text.Json;
using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;

namespace Integrify.Simulator.Reports;

/// <summary>Turns the values given to exposed filters (P3) into row predicates, or a 400 that says which value is wrong.</summary>
internal static class ReportFilterParser
{
    public static Outcome<IReadOnlyList<Func<IReadOnlyDictionary<string, object?>, bool>>> Parse(
        ReportDefinition report,
        IReadOnlyList<ReportFilterValueBody>? values,
        DateTimeOffset now)
    {
        var predicates = new List<Func<IReadOnlyDictionary<string, object?>, bool>>();
        foreach (var hidden in report.Filters.Where(filter => !filter.Exposed && filter.Value is not null))
        {
            predicates.Add(row => string.Equals(Text(row, hidden.ColumnKey), hidden.Value, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var given in values ?? [])
        {
            if (given is null || string.IsNullOrWhiteSpace(given.Label))
            {
                return ApiProblem.BadRequest("Each filter value needs a label: the Text of one of the report's exposed filters.");
            }

            var filter = report.Filters.FirstOrDefault(candidate => candidate.Exposed && candidate.Answers(given.Label));
            if (filter is null)
            {
                return ApiProblem.BadRequest($"The report '{report.Name}' has no exposed filter '{given.Label}'.");
            }

            if (IsEmpty(given.Value))
            {
                continue;
            }

            var predicate = filter.Kind switch
            {
                FilterKind.Number => NumberPredicate(filter, given.Value),
                FilterKind.Date => DatePredicate(filter, given.Value, now),
                FilterKind.Choice => ChoicePredicate(filter, given.Value),
                _ => TextPredicate(filter, given.Value),
            };
            if (predicate.Problem is not null)
            {
                return predicate.Problem;
            }

            predicates.Add(predicate.Value!);
        }

        return predicates;
    }

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    private static Outcome<Func<IReadOnlyDictionary<string, object?>, bool>> TextPredicate(ReportFilterDefinition filter, JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return ApiProblem.BadRequest($"The filter '{filter.Text}' takes text.");
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return new Func<IReadOnlyDictionary<string, object?>, bool>(row => Text(row, filter.ColumnKey)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
    }

    private static Outcome<Func<IReadOnlyDictionary<string, object?>, bool>> NumberPredicate(ReportFilterDefinition filter, JsonElement value)
    {
        if (!TryNumber(value, out var minimum))
        {
            return ApiProblem.BadRequest($"The filter '{filter.Text}' takes a number.");
        }

        return new Func<IReadOnlyDictionary<string, object?>, bool>(row => Convert.ToDecimal(row[filter.ColumnKey], CultureInfo.InvariantCulture) >= minimum);
    }

    private static Outcome<Func<IReadOnlyDictionary<string, object?>, bool>> DatePredicate(ReportFilterDefinition filter, JsonElement value, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        DateTimeOffset? from;
        DateTimeOffset? to;
        if (TryNumber(value, out var days) && days >= 0 && days == decimal.Truncate(days) && days <= 36_500)
        {
            from = today.AddDays(-(double)days);
            to = today.AddDays(1).AddTicks(-1);
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 2
            && TryDate(value[0], endOfDay: false, out from) && TryDate(value[1], endOfDay: true, out to))
        {
            if (from > to)
            {
                return ApiProblem.BadRequest($"The filter '{filter.Text}' starts after it ends.");
            }
        }
        else
        {
            return ApiProblem.BadRequest($"The filter '{filter.Text}' takes a number of days (0 or more) or [start, end] with ISO 8601 dates.");
        }

        return new Func<IReadOnlyDictionary<string, object?>, bool>(row =>
            row[filter.ColumnKey] is DateTimeOffset date && (from is null || date >= from) && (to is null || date <= to));
    }

    private static Outcome<Func<IReadOnlyDictionary<string, object?>, bool>> ChoicePredicate(ReportFilterDefinition filter, JsonElement value)
    {
        var chosen = value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
                value.EnumerateArray().Select(item => item.GetString()!).ToList(),
            _ => null,
        };
        var options = filter.Options ?? [];
        var unknown = chosen?.FirstOrDefault(choice => !options.Contains(choice, StringComparer.OrdinalIgnoreCase));
        if (chosen is null || unknown is not null)
        {
            return ApiProblem.BadRequest($"The filter '{filter.Text}' takes one of its options ({string.Join(", ", options)}) or an array of them.");
        }

        return new Func<IReadOnlyDictionary<string, object?>, bool>(row => chosen.Contains(Text(row, filter.ColumnKey), StringComparer.OrdinalIgnoreCase));
    }

    private static bool TryNumber(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>An ISO 8601 date or date-time; a bare end date covers that whole day; null leaves that end open.</summary>
    private static bool TryDate(JsonElement value, bool endOfDay, out DateTimeOffset? date)
    {
        date = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            date = endOfDay ? start.AddDays(1).AddTicks(-1) : start;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            date = moment.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static string? Text(IReadOnlyDictionary<string, object?> row, string key) =>
        Convert.ToString(row.GetValueOrDefault(key), CultureInfo.InvariantCulture);
}
