namespace IntegrifyBot.Routing;

/// <summary>A feature of the bot: it tells the router which commands and card verbs it answers.</summary>
public interface IBotFeature
{
    void MapRoutes(RouteTable routes);
}
