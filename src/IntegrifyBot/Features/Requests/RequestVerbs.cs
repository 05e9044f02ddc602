using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrifyBot.Cards;

namespace IntegrifyBot.Features.Requests;

/// <summary>The card verbs of the user's requests.</summary>
public static class RequestVerbs
{
    public const string Page = "requests.page";
    public const string Open = "request.open";
    public const string Cancel = "request.cancel";
    public const string Pick = "request.pick";
    public const string Start = "request.start";

    public const string NameInput = "requestName";
}

/// <summary>A process picked to start; the name shown is only for the card that asks for the request's name.</summary>
public sealed record PickProcessData(
    [property: Required, MaxLength(64)] string ProcessSid,
    [property: MaxLength(80)] string? ProcessName = null);

/// <summary>
/// Starting a request. <see cref="StartId"/> is made when the card is drawn: a second click on the
/// same card finds the request the first click started instead of starting another.
/// </summary>
public sealed record StartRequestData(
    [property: Required, MaxLength(64)] string ProcessSid,
    [property: Required, MaxLength(64)] string StartId,
    [property: MaxLength(80)] string? ProcessName = null,
    [property: MaxLength(RequestCards.MaxNameLength)] string? RequestName = null);

/// <summary>Which page of "my requests", for which search.</summary>
public sealed record RequestListView(
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0);

/// <summary>A request's detail view, and the list page to go back to.</summary>
public sealed record OpenRequestData(
    [property: Required, MaxLength(64)] string InstanceSid,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0);

/// <summary>Cancel: first asks (Confirmed false), then cancels (Confirmed true). Integrify decides whether it may.</summary>
public sealed record CancelRequestData(
    [property: Required, MaxLength(64)] string InstanceSid,
    bool Confirmed = false,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0);

/// <summary>
/// The "Start a request" dialog as submitted. Read leniently (a missing or odd value is a blank), so
/// that what is wrong is said in the dialog; <see cref="StartId"/> is made when the dialog opens, so a
/// second submit of the same dialog finds the request the first one started.
/// </summary>
public sealed record StartDialogData(string? ProcessSid, string? RequestName, string? Post, string StartId)
{
    public const string StartIdKey = "startId";

    public static StartDialogData Read(JsonElement data)
    {
        static string? Text(JsonElement data, string name) =>
            data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // A start id that is not one the dialog could have made is replaced: the worst a forged one
        // can do is start the request a second time, as a second dialog would.
        var startId = Text(data, StartIdKey) is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower) ? id : NewStartId();
        return new StartDialogData(Text(data, RequestDialogCards.ProcessInput)?.Trim(), Text(data, RequestVerbs.NameInput), Text(data, RequestDialogCards.PostInput), startId);
    }

    public static string NewStartId() => Guid.NewGuid().ToString("N");
}
