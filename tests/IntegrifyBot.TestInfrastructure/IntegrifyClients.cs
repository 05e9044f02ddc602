using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// One instance of the bot's Integrify client, wired as the bot wires it, pointed at a simulator.
/// Two of these sharing a token store behave like two bot instances sharing a database.
/// </summary>
public sealed class IntegrifyClients : IAsyncDisposable
{
    public const string Password = "Passw0rd!";

    private readonly ServiceProvider services;

    public IntegrifyClients(Uri baseUrl, TimeProvider? clock = null, IIntegrifyTokenStore? store = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        // Patient budgets unless the test is about them (see TestBudgets).
        var configuration = new Dictionary<string, string?>(TestBudgets.Patient.Where(setting => setting.Key.StartsWith("Integrify:", StringComparison.Ordinal)))
        {
            ["Integrify:BaseUrl"] = baseUrl.ToString(),
            ["Integrify:Tenant"] = "demo",
            ["Integrify:OrganizationKey"] = "demo-org-key",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton(clock ?? TimeProvider.System);
        collection.AddSingleton(store ?? new InMemoryTokenStore());
        collection.AddIntegrifyClient(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());

        // Last, so that a test can replace what the client registered (such as the token store).
        configureServices?.Invoke(collection);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IIntegrifyTokenStore Store => services.GetRequiredService<IIntegrifyTokenStore>();

    public IntegrifySignIn SignIn => services.GetRequiredService<IntegrifySignIn>();

    public IIntegrifyUserApi Users => services.GetRequiredService<IIntegrifyUserApi>();

    public IIntegrifyTasksApi Tasks => services.GetRequiredService<IIntegrifyTasksApi>();

    public IIntegrifyRequestsApi Requests => services.GetRequiredService<IIntegrifyRequestsApi>();

    public IIntegrifyReportsApi Reports => services.GetRequiredService<IIntegrifyReportsApi>();

    public IHttpClientFactory HttpClients => services.GetRequiredService<IHttpClientFactory>();

    /// <summary>The client's traffic toward Integrify and how late the process runs.</summary>
    public IntegrifyCallLoad Load => services.GetRequiredService<IntegrifyCallLoad>();

    /// <summary>Links a Teams user (named after the Integrify user) with the demo password.</summary>
    public async Task<IntegrifyUser> SignInAsync(string userName)
    {
        var user = new IntegrifyUser("tenant-1", $"aad-{userName}");
        await SignIn.WithPasswordAsync(user, userName, Password, CancellationToken.None);
        return user;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
