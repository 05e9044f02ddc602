using IntegrifyBot.TestInfrastructure;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IntegrifyBot.FunctionalTests.Hosting;

/// <summary>
/// Bad input on every endpoint but /api/messages (whose activities have tests of their own): wrong
/// methods and content types, oversized, truncated and mis-encoded forms on the sign-in page (past
/// its CSRF check, with a real page's token), odd export keys, and pushes that are unsigned or signed
/// but malformed. Each gets a 4xx that says why: never a 5xx, an error in the log or a stack trace.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private LinkingBot bot = null!;

    public async Task InitializeAsync() =>
        bot = await LinkingBot.StartAsync(new Dictionary<string, string?> { ["Notifications:PushSecret"] = PushCalls.Secret });

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_answers_bad_input_with_a_4xx_that_says_why()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));
        var csrf = await bot.Browser.OpenAsync(page);
        var form = $"__csrf={Uri.EscapeDataString(csrf)}";
        var requests = new List<(string Name, HttpRequestMessage Request)>
        {
            ("messages GET", new(HttpMethod.Get, "/api/messages")),
            ("messages PUT", With(new(HttpMethod.Put, "/api/messages"), "{}", "application/json")),
            ("messages as text", With(new(HttpMethod.Post, "/api/messages"), "{}", "text/plain")),
            ("page without state", new(HttpMethod.Get, "/link")),
            ("page with a mis-encoded state", new(HttpMethod.Get, "/link?state=%ED%A0%80%FF")),
            ("page with a long state", new(HttpMethod.Get, "/link?state=" + new string('a', 5000))),
            ("page posted as JSON", With(new(HttpMethod.Post, page), "{\"userName\":\"alexw\"}", "application/json")),
            ("page posted without its token", With(new(HttpMethod.Post, page), "userName=alexw&password=x", "application/x-www-form-urlencoded")),
            ("page posted too large", With(new(HttpMethod.Post, page), form + "&userName=" + new string('a', 40_000), "application/x-www-form-urlencoded")),
            ("page posted mis-encoded", With(new(HttpMethod.Post, page), form + "&method=password&userName=%ZZ%ED%A0%80&password=%", "application/x-www-form-urlencoded")),
            ("page posted with control characters", With(new(HttpMethod.Post, page), form + "&method=password&userName=%00%1B%E2%80%AEalexw&password=%00", "application/x-www-form-urlencoded")),
            ("page posted as a truncated multipart", With(new(HttpMethod.Post, page), "--b\r\nContent-Disposition: form-data; name=\"__csrf\"\r\n\r\n" + csrf, "multipart/form-data; boundary=b")),
            ("page posted as multipart without a boundary", With(new(HttpMethod.Post, page), "x", "multipart/form-data")),
            ("export without a key", new(HttpMethod.Get, "/reports/export")),
            ("export with a mis-encoded key", new(HttpMethod.Get, "/reports/export?key=%ED%A0%80")),
            ("export with a long key", new(HttpMethod.Get, "/reports/export?key=" + new string('k', 5000))),
            ("push without a signature", With(new(HttpMethod.Post, PushCalls.Path), "{}", "application/json")),
            ("push as text", With(new(HttpMethod.Post, PushCalls.Path), "{}", "text/plain")),
            ("push too large", With(new(HttpMethod.Post, PushCalls.Path), new string(' ', 20_000), "application/json")),
            ("push GET", new(HttpMethod.Get, PushCalls.Path)),
            ("signed push of an array", Signed("[]"u8.ToArray())),
            ("signed push of a lone surrogate", Signed("{\"username\":\"\\udfff\"}"u8.ToArray())),
            ("signed push of bytes that are not UTF-8", Signed([.. "{\"username\":\""u8, 0xC3, 0x28, .. "\"}"u8])),
            ("signed push nested too deep", Signed(Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200)))),
            ("signed push with a field twice", Signed("{\"username\":\"alexw\",\"USERNAME\":\"meganb\",\"recipientTaskSid\":\"0b0f1e0c-3c7e-4b84-9d0b-4f4d8f0a1b2c\"}"u8.ToArray())),
        };

        foreach (var (name, request) in requests)
        {
            using (request)
            using (var response = await bot.Browser.Client.SendAsync(WithBase(request)))
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode} {body}");
                Assert.False(string.IsNullOrWhiteSpace(body), $"{name}: {(int)response.StatusCode} with nothing that says why");
            }
        }

        Assert.Empty(bot.Logs.ErrorsAndStacks());
    }

    private HttpRequestMessage WithBase(HttpRequestMessage request)
    {
        if (!request.RequestUri!.IsAbsoluteUri)
        {
            request.RequestUri = new Uri(bot.Bot.BaseAddress, request.RequestUri);
        }

        return request;
    }

    private static HttpRequestMessage With(HttpRequestMessage request, string body, string contentType)
    {
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    /// <summary>A push of exactly these bytes, signed as Integrify signs one: its signature holds.</summary>
    private HttpRequestMessage Signed(byte[] body)
    {
        var timestamp = PushCalls.Timestamp(bot.Clock.GetUtcNow());
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, PushCalls.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Integrify-Timestamp", timestamp);
        request.Headers.Add("X-Integrify-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PushCalls.Secret), signed)));
        return request;
    }
}
