using System.Data.Common;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

public static class BotStartup
{
    /// <summary>
    /// Builds the bot, maps its endpoints with <paramref name="map"/> and runs it until it is stopped.
    /// A setting it cannot read, a configuration that fails validation, a taken address or a database
    /// it cannot use ends the process with exit code 2 and a single line on standard error that says
    /// what to fix.
    /// </summary>
    public static async Task<int> RunBotAsync(this WebApplicationBuilder builder, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(map);

        // Before the host is built, since building it reads the Logging section already. Registering
        // the services reads only plain strings (see AddBotStorage), so nothing has failed before here.
        if (ConfigurationCheck.Problems(builder.Configuration) is { Count: > 0 } unreadable)
        {
            return await RefuseAsync(unreadable);
        }

        var app = builder.Build();
        map(app);
        try
        {
            // The host validates too, but it would log the failure with a stack trace first.
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (ValidationFailures(exception) is { Count: > 0 } failures)
        {
            return await RefuseAsync(failures);
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            return await RefuseAsync([$"{exception.Message} Set Urls to a free address."]);
        }
        catch (DbException exception)
        {
            // The database is migrated at start: a server that cannot be reached or refuses the
            // bot's role is a setting to fix. Database errors never repeat the connection's password.
            return await RefuseAsync([$"the database (Storage:Provider, Storage:ConnectionString) cannot be used: {exception.Message}"]);
        }
    }

    private static async Task<int> RefuseAsync(IEnumerable<string> reasons)
    {
        await Console.Error.WriteLineAsync($"IntegrifyBot cannot start: {string.Join(" ", reasons)}");
        return 2;
    }

    // Several invalid sections arrive together as an AggregateException.
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException several => [.. several.InnerExceptions.SelectMany(ValidationFailures)],
        _ => [],
    };
}
