using System.Data.Common;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

public static class BotStartup
{
    /// <summary>
    /// Runs the bot until it is stopped. A configuration that fails validation, a taken address or a
    /// database it cannot use ends the process with exit code 2 and a single line on standard error
    /// that says what to fix.
    /// </summary>
    public static async Task<int> RunBotAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            // The host validates too, but it would log the failure with a stack trace first.
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (ValidationFailures(exception) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync($"IntegrifyBot cannot start: {string.Join(" ", failures)}");
            return 2;
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"IntegrifyBot cannot start: {exception.Message} Set Urls to a free address.");
            return 2;
        }
        catch (DbException exception)
        {
            // The database is migrated at start: a server that cannot be reached or refuses the
            // bot's role is a setting to fix. Database errors never repeat the connection's password.
            await Console.Error.WriteLineAsync($"IntegrifyBot cannot start: the database (Storage:Provider, Storage:ConnectionString) cannot be used: {exception.Message}");
            return 2;
        }
    }

    // Several invalid sections arrive together as an AggregateException.
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException several => [.. several.InnerExceptions.SelectMany(ValidationFailures)],
        _ => [],
    };
}
