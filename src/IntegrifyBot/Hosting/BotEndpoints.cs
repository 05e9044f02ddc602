using IntegrifyBot.Features.Linking.Page;
using IntegrifyBot.Features.Notifications.Push;
using IntegrifyBot.Features.Reports.Export;
using IntegrifyBot.Teams;

namespace IntegrifyBot.Hosting;

public static class BotEndpoints
{
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // A refusal that would otherwise have no body (a wrong method, an unsigned request) still says
        // in one line what it is, as problem details.
        app.UseStatusCodePages();
        app.UseStaticFiles();

        // Routing must come after the files: when WebApplication adds it first by itself, the sign-in
        // page's route can claim /link/link.css and /link/link.js, and the page loses its style and script.
        app.UseRouting();
        app.MapBotHealth();
        app.MapTeamsBot();
        app.MapSignInPage();
        app.MapReportExports();
        app.MapIntegrifyPush();
        return app;
    }
}
