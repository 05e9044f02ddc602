using IntegrifyBot.Routing;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>A feature made of whatever mapping a test needs, for the routes that must fail at start.</summary>
internal sealed class MappingFeature(Action<RouteTable> map) : IBotFeature
{
    public void MapRoutes(RouteTable routes) => map(routes);
}
