using System.Text.Json;

namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>P3: the value a user gave an exposed filter; a date filter takes a number of days or [start, end].</summary>
public sealed record ReportFilterValue(string Label, JsonElement Value);
