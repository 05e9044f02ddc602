namespace IntegrifyBot.Hosting;

public static class BotPipeline
{
    /// <summary>
    /// What every request meets before an area's endpoint: problem details for bodiless refusals, the
    /// static files, routing, and the health endpoints. Each area maps its own endpoints after this.
    /// </summary>
    public static WebApplication UseBotPipeline(this WebApplication app)
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
        return app;
    }
}
