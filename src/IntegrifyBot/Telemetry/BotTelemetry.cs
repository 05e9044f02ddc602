using System.Diagnostics;

namespace IntegrifyBot.Telemetry;

/// <summary>The names under which the bot's own traces and metrics are exported.</summary>
public static class BotTelemetry
{
    public const string Name = "IntegrifyBot";

    public static ActivitySource ActivitySource { get; } = new(Name);
}
