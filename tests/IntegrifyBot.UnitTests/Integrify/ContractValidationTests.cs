using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace IntegrifyBot.UnitTests.Integrify;

/// <summary>
/// Overrides of the contract are checked when the client starts: a bad one stops the start with one
/// sentence that names its key, and never repeats its value.
/// </summary>
public sealed class ContractValidationTests
{
    [Theory]
    [InlineData("Integrify:Paths:Approval", "/api/v2/approvals", "Integrify:Paths:Approval must hold {recipientTaskSid} once each and no other placeholder")]
    [InlineData("Integrify:Paths:Approval", "/api/v2/approvals/{recipientTaskSid}/{userName}", "Integrify:Paths:Approval must hold {recipientTaskSid} once each and no other placeholder")]
    [InlineData("Integrify:Paths:Approval", "/api/v2/{recipientTaskSid}/{recipientTaskSid}", "Integrify:Paths:Approval must hold {recipientTaskSid} once each")]
    [InlineData("Integrify:Paths:MyTasks", "/api/v2/tasks/{recipientTaskSid}", "Integrify:Paths:MyTasks must hold no placeholder")]
    [InlineData("Integrify:Paths:SearchUsers", "/api/users/{contactSid}", "Integrify:Paths:SearchUsers must hold no placeholder, as /api/users does.")]
    [InlineData("Integrify:Paths:MyTasks", "https://elsewhere.example/api/instance/mytask/list", "Integrify:Paths:MyTasks must be a path on the Integrify instance that starts with a single /")]
    [InlineData("Integrify:Paths:MyTasks", "//elsewhere.example/api/instance/mytask/list", "Integrify:Paths:MyTasks must be a path on the Integrify instance that starts with a single /")]
    [InlineData("Integrify:Paths:MyTasks", "api/v2/my-tasks", "Integrify:Paths:MyTasks must be a path on the Integrify instance that starts with a single /")]
    [InlineData("Integrify:Paths:MyTasks", "", "Integrify:Paths:MyTasks must be a path on the Integrify instance that starts with a single /")]
    [InlineData("Integrify:Paths:MyTasks", "/api/instance/mytask/list?all=true", "Integrify:Paths:MyTasks must not hold a query string or a fragment")]
    [InlineData("Integrify:Paths:MyTasks", "/api/instance/mytask/list#top", "Integrify:Paths:MyTasks must not hold a query string or a fragment")]
    [InlineData("Integrify:Paths:MyTasks", "/api/instance/../admin/list", "Integrify:Paths:MyTasks must not hold a . or .. segment")]
    [InlineData("Integrify:Paths:MyTasks", "/api/instance/%2e%2e/admin/list", "Integrify:Paths:MyTasks may hold only letters, digits, / and")]
    [InlineData("Integrify:Paths:MyTasks", "/\\elsewhere.example/list", "Integrify:Paths:MyTasks may hold only letters, digits, / and")]
    [InlineData("Integrify:Paths:PersonalKeyLogin", "/api/v2/keys/{tenant}/{personalKey}/impersonate", "Integrify:Paths:PersonalKeyLogin must stay under /api/auth/apikey/")]
    [InlineData("Integrify:Paths:MyTask", "/api/instance/mytask/list", "Integrify:Paths:MyTask is not a call the bot makes; the names are PasswordLogin, Refresh,")]
    [InlineData("Integrify:Permissions:Start", "", "Integrify:Permissions:Start must be a word of letters, digits and -._~")]
    [InlineData("Integrify:Permissions:Run", "run&all=1", "Integrify:Permissions:Run must be a word of letters, digits and -._~")]
    [InlineData("Integrify:Permissions:Approve", "approve", "Integrify:Permissions:Approve is not a permission value the bot sends; the names are Start, Run, Requester.")]
    public void A_bad_override_stops_the_start_with_one_sentence_naming_its_key(string key, string value, string expected)
    {
        var refusal = Assert.Throws<OptionsValidationException>(() => Start((key, value)));

        var failure = Assert.Single(refusal.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, failure, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Integrify:Paths:Refresh", "/api/auth/token/refresh")]
    [InlineData("Integrify:Paths:SearchUsers", "/api/v2/users/search")]
    [InlineData("Integrify:Paths:Reassign", "/api/v2/tasks/{contactSid}/take-over/{recipientTaskSid}")]
    [InlineData("Integrify:Paths:PersonalKeyLogin", "/api/auth/apikey/{tenant}/{personalKey}/impersonate/self")]
    [InlineData("Integrify:Paths:mytasks", "/api/v2/my-tasks;list")]
    [InlineData("Integrify:Permissions:Requester", "initiator")]
    [InlineData("Integrify:Permissions:start", "Start_Process")]
    public void A_good_override_starts(string key, string value) => Start((key, value));

    [Fact]
    public void Every_call_of_the_client_is_a_call_of_the_contract()
    {
        var methods = new[] { typeof(IIntegrifyAuthApi), typeof(IIntegrifyUserApi), typeof(IIntegrifyTasksApi), typeof(IIntegrifyRequestsApi), typeof(IIntegrifyReportsApi) }
            .SelectMany(api => api.GetMethods())
            .Select(method => method.GetCustomAttributes(typeof(HttpMethodAttribute), inherit: false).Cast<HttpMethodAttribute>().Single())
            .Select(verb => (verb.Method, verb.Path))
            .ToList();

        Assert.Equal(IntegrifyContract.Calls.Count, methods.Count);
        foreach (var (method, path) in methods)
        {
            Assert.Single(IntegrifyContract.Calls, call => call.Method == method && call.Path == path);
        }
    }

    private static void Start(params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Integrify:BaseUrl"] = "https://acme.integrify.com",
            ["Integrify:Tenant"] = "acme",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddIntegrifyClient(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
