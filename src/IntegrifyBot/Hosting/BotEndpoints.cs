using IntegrifyBot.Features.Linking.Page;
using IntegrifyBot.Teams;

namespace IntegrifyBot.Hosting;

public static class BotEndpoints
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles();
        app.MapBotHealth();
        app.MapTeamsBot();
        app.MapSignInPage();
        return app;
    }
}
