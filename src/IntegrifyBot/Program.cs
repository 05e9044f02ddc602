using IntegrifyBot.Features;
using IntegrifyBot.Hosting;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Teams;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

// The bot's folder is the content root, so appsettings.json and wwwroot are found beside the
// assemblies wherever the bot is started from (dotnet run, the published folder, the container).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddBotHost();
builder.AddIntegrify();
builder.Services.AddBotStorage(builder.Configuration);
builder.Services.AddTeamsBot();
builder.Services.AddBotFeatures(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);

return await builder.RunBotAsync(app =>
{
    app.UseBotPipeline();
    app.MapTeamsBot();
    app.MapBotFeatures();
    app.MapNotifications();
});
