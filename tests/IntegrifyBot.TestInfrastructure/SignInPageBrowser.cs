using System.Net;
using System.Text.RegularExpressions;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>A browser on the sign-in page: it keeps the page's cookie and sends back the form's CSRF token, as a real one does.</summary>
public sealed partial class SignInPageBrowser : IDisposable
{
    public HttpClient Client { get; } = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Opens the page, which sets the cookie, and returns the CSRF token of its form.</summary>
    public async Task<string> OpenAsync(Uri page)
    {
        using var form = await Client.GetAsync(page);
        return WebUtility.HtmlDecode(CsrfToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    /// <summary>Posts the form with <paramref name="csrf"/> and returns the status and the page that came back.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PostAsync(Uri page, Dictionary<string, string> fields, string csrf)
    {
        using var response = await Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__csrf"] = csrf }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the page and submits its form, expecting <paramref name="expected"/>.</summary>
    public async Task<string> SubmitAsync(Uri page, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, html) = await PostAsync(page, fields, await OpenAsync(page));
        Assert.Equal(expected, status);
        return html;
    }

    /// <summary>The magic code a successful sign-in shows.</summary>
    public static string CodeOn(string html) => CodeElement().Match(html).Groups[1].Value is { Length: 6 } code
        ? code
        : throw new InvalidOperationException("The page shows no code: " + html);

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();

    [GeneratedRegex("<p class=\"code\"[^>]*>([0-9]{6})</p>")]
    private static partial Regex CodeElement();
}
