using System.Text.Json;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>Which tasks the "New task for you" cards that reached the connector announce, read from the cards' own buttons.</summary>
public static class AnnouncedTasks
{
    /// <summary>How many times each task's card arrived (held and refused calls included: the connector received them).</summary>
    public static Dictionary<string, int> Count(IEnumerable<ConnectorCall> calls) =>
        calls.Where(call => call.Method == "POST" && IsNewTask(call))
            .GroupBy(TaskOf, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    public static bool IsNewTask(ConnectorCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Activity.TryGetProperty("attachments", out _) && LinkingBot.Texts(call.Card).Contains("New task for you", StringComparison.Ordinal);
    }

    /// <summary>The recipient task every button of the card acts on.</summary>
    public static string TaskOf(ConnectorCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var sids = new HashSet<string>(StringComparer.Ordinal);
        Collect(call.Card);
        return Assert.Single(sids);

        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("recipientTaskSid") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        sids.Add(property.Value.GetString()!);
                    }

                    Collect(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }
}
