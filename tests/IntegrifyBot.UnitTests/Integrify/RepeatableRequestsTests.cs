using IntegrifyBot.Integrify.Http;

namespace IntegrifyBot.UnitTests.Integrify;

public sealed class RepeatableRequestsTests
{
    [Theory]
    [InlineData("GET", "/api/instance/mytask/list", true)]
    [InlineData("GET", "/api/users?name=megan", true)]
    [InlineData("GET", "/api/instance/tasktypes/approval/abc", true)]
    [InlineData("POST", "/api/instance/tasktypes/approval/abc", false)]
    [InlineData("POST", "/api/instance/start/p1", false)]
    [InlineData("POST", "/api/reports/r1/run", false)]
    [InlineData("GET", "/api/instance/i1/cancel", false)]
    [InlineData("GET", "/api/instance/task/recipientTask/t1/reassign/c1", false)]
    [InlineData("DELETE", "/api/auth/dbauth/demo", false)]
    public void Only_reads_are_sent_again(string method, string path, bool repeatable)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(new Uri("https://acme.integrify.com"), path));

        Assert.Equal(repeatable, RepeatableRequests.IsRepeatable(request));
    }

    [Fact]
    public void Api_key_addresses_are_recognised_as_secret()
    {
        Assert.True(SecretAddresses.Contains(new Uri("https://acme.integrify.com/api/auth/apikey/acme/key-123/impersonate")));
        Assert.False(SecretAddresses.Contains(new Uri("https://acme.integrify.com/api/instance/mytask/list")));
    }
}
