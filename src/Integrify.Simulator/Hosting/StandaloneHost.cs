using Microsoft.Extensions.Options;

namespace Integrify.Simulator.Hosting;

/// <summary>The simulator as its own process: configuration from the usual places, http://127.0.0.1:5080 unless Urls says otherwise.</summary>
internal static class StandaloneHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        // The assemblies' folder is the content root, so that starting from the repository root never
        // picks up the bot's appsettings.json (and its Urls) as the simulator's.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        if (builder.Environment.IsDevelopment() && builder.Configuration[$"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.ControlApi)}"] is null)
        {
            options.ControlApi = true;
        }

        try
        {
            SimulatorOptionsValidator.ThrowIfInvalid(options);
        }
        catch (OptionsValidationException exception)
        {
            await Console.Error.WriteLineAsync($"Integrify simulator cannot start: {string.Join(" ", exception.Failures)}");
            return 2;
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // ASP.NET Core's request logs carry full paths, and A3's path carries a personal API key.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSimulator(options, TimeProvider.System);
        var app = builder.Build();
        app.UseSimulator(options);
        await app.RunAsync();
        return 0;
    }
}
