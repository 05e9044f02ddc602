using System.Text;
using IntegrifyBot.RequestBodies;
using IntegrifyBot.Settings;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Teams;

/// <summary>
/// Reads a request to /api/messages into the activity the Bot Framework adapter will process, and
/// checks it first: JSON, not too large, read the same way by every reader, and shaped like an
/// activity. The activity is read once, with the SDK's own serializer, and that very object is both
/// judged here and handed to the adapter, so what the gate allowed is what the bot acts on (a second
/// reading could disagree: another spelling of serviceUrl, say). Bad input gets a 4xx with a short
/// reason instead of a 500 from deep inside the SDK.
/// </summary>
internal sealed partial class ActivityRequestGate(
    IOptionsMonitor<BotOptions> options,
    ReplyAddresses addresses,
    ILogger<ActivityRequestGate> logger)
{
    public async Task<ActivityAdmission> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.CurrentValue.MaxRequestBodyBytes;

        if (!JsonContentType.Is(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "An activity is sent as application/json.");
        }

        if (request.ContentLength > limit)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"An activity is at most {limit} bytes.");
        }

        await using var body = await BoundedBody.ReadAsync(request.Body, limit, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"An activity is at most {limit} bytes.");
        }

        var (document, problem) = StrictJson.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        if (document is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem!);
        }

        using (document)
        {
            if (ActivityShape.CheckJson(document.RootElement) is { } wrong)
            {
                return Refuse(StatusCodes.Status400BadRequest, wrong);
            }
        }

        var (activity, unreadable) = Deserialize(body);
        if (activity is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, unreadable!);
        }

        return ActivityShape.Check(activity, addresses) is { } refusal
            ? Refuse(StatusCodes.Status400BadRequest, refusal)
            : ActivityAdmission.Admit(activity);
    }

    /// <summary>Reads the activity exactly as the SDK's adapter reads a request body (HttpHelper.ReadRequestAsync).</summary>
    private static (Activity? Activity, string? Problem) Deserialize(MemoryStream body)
    {
        body.Position = 0;
        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(body, Encoding.UTF8, leaveOpen: true)) { MaxDepth = null };
            return (HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader), null);
        }
        catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            var path = exception is Newtonsoft.Json.JsonSerializationException { Path: { Length: > 0 } at } ? at
                : exception is Newtonsoft.Json.JsonReaderException { Path: { Length: > 0 } where } ? where
                : null;
            return (null, path is null ? "The body is not an activity." : $"The activity's {StrictJson.Printable(path)} does not hold what an activity holds there.");
        }
    }

    private ActivityAdmission Refuse(int status, string reason)
    {
        LogRefused(status, reason);
        return ActivityAdmission.Refuse(status, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
