using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>A feature whose routes act in Integrify as the user: each records the user the router handed it.</summary>
internal sealed class LinkedFeature : IBotFeature
{
    public const string OpenVerb = "linked.open";

    public static CommandDescriptor Inbox { get; } = new("inbox", "Needs a linked user");

    /// <summary>Fails the way a call does when Integrify refuses to renew the user's sign-in mid-turn.</summary>
    public static CommandDescriptor Revoked { get; } = new("revoked", "Integrify ends the link") { Listed = false };

    /// <summary>Every route that ran, with the user it was handed.</summary>
    public ConcurrentQueue<(string Route, IntegrifyUser User)> Ran { get; } = new();

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapLinkedCommand(Inbox, (request, user, _) => Record($"command {request.Command.Name}|{request.Arguments}", user));
        routes.MapLinkedCommand(Revoked, (_, user, _) =>
        {
            Ran.Enqueue(("revoked", user));
            return Task.FromException<BotReply>(new IntegrifyLinkExpiredException("Refresh refused."));
        });
        routes.MapLinkedVerb<OpenData>(OpenVerb, retryWithData: true, (_, user, data, _) => Record($"verb {data.ItemId}", user));
        routes.MapLinkedPattern(new Regex("^#[0-9]+$"), (_, user, match, _) => Record($"pattern {match.Value}", user));
    }

    private Task<BotReply> Record(string route, IntegrifyUser user)
    {
        Ran.Enqueue((route, user));
        return Task.FromResult<BotReply>(new TextReply(route));
    }

    public sealed record OpenData([property: Required] string ItemId);
}
