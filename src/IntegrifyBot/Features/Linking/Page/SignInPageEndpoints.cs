using IntegrifyBot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Linking.Page;

/// <summary>
/// GET and POST /link?state=…: the sign-in page opened from a link card. The state says whose Teams
/// account the sign-in is for; what Integrify gives back waits, encrypted, until that Teams user
/// confirms it from Teams with the code this page shows (or hands to Teams' popup).
/// </summary>
public static class SignInPageEndpoints
{
    /// <summary>The form is a few short fields; anything bigger is not a person signing in.</summary>
    private const long MaxFormBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPages.Path, ShowAsync);
        endpoints.MapPost(SignInPages.Path, SubmitAsync);
        return endpoints;
    }

    private static async Task<IResult> ShowAsync([FromQuery(Name = SignInPages.StateParameter)] string? state, HttpContext http, SignInStates states, IAntiforgery antiforgery, IOptions<LinkingOptions> options)
    {
        state ??= string.Empty;
        var pending = await states.FindAsync(state, http.RequestAborted);
        if (pending is null || pending.Completed)
        {
            return Html(http, SignInPageHtml.Gone(), StatusCodes.Status404NotFound, options.Value);
        }

        return Html(http, FormFor(http, state, antiforgery, notice: null, userName: null), StatusCodes.Status200OK, options.Value);
    }

    private static async Task<IResult> SubmitAsync(
        [FromQuery(Name = SignInPages.StateParameter)] string? state,
        HttpContext http,
        SignInStates states,
        SignInAttempts attempts,
        IAntiforgery antiforgery,
        IOptions<LinkingOptions> options)
    {
        state ??= string.Empty;
        var settings = options.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFormBytes;
        }

        if (!http.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Html(http, SignInPageHtml.FormExpired(), StatusCodes.Status400BadRequest, settings);
        }

        var pending = await states.FindAsync(state, http.RequestAborted);
        if (pending is null || pending.Completed)
        {
            return Html(http, SignInPageHtml.Gone(), StatusCodes.Status404NotFound, settings);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var userName = Field(form, "userName", 200);
        var attempt = Field(form, "method", 20) switch
        {
            SignInPageHtml.PasswordMethod when userName is not null && Field(form, "password", 500) is { } password =>
                await attempts.WithPasswordAsync(pending.User, userName, password, http.RequestAborted),
            SignInPageHtml.ApiKeyMethod when Field(form, "apiKey", 500) is { } apiKey =>
                await attempts.WithPersonalApiKeyAsync(pending.User, apiKey, http.RequestAborted),
            _ => null,
        };

        var notice = attempt switch
        {
            null => "Please fill in the username and password, or the API key.",
            LinkAttempt.Refused refused => string.IsNullOrWhiteSpace(refused.Explanation)
                ? "Integrify didn't accept that. Please check it and try again."
                : $"Integrify didn't accept that: {refused.Explanation}",
            LinkAttempt.Throttled throttled => $"Too many sign-ins failed. Please try again after {throttled.Until.ToUniversalTime():HH:mm} UTC.",
            LinkAttempt.Unavailable => "Integrify isn't answering right now. Please try again in a moment.",
            _ => null,
        };

        if (attempt is LinkAttempt.Accepted accepted)
        {
            var code = await states.CompleteAsync(pending.User, state, accepted.Credential, http.RequestAborted);
            return code is null
                ? Html(http, SignInPageHtml.Gone(), StatusCodes.Status404NotFound, settings)
                : Html(http, SignInPageHtml.Done(code, TeamsScriptOf(settings)), StatusCodes.Status200OK, settings);
        }

        var status = attempt is LinkAttempt.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        return Html(http, FormFor(http, state, antiforgery, notice, userName), status, settings);
    }

    private static string FormFor(HttpContext http, string state, IAntiforgery antiforgery, string? notice, string? userName)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return SignInPageHtml.Form(SignInPages.AddressOf(state), tokens.FormFieldName, tokens.RequestToken ?? string.Empty, notice, userName);
    }

    private static string? Field(IFormCollection form, string name, int maxLength)
    {
        var value = form[name].ToString();
        return string.IsNullOrWhiteSpace(value) || value.Length > maxLength ? null : value;
    }

    private static TeamsScript? TeamsScriptOf(LinkingOptions options) =>
        string.IsNullOrWhiteSpace(options.TeamsJsUrl) ? null : new TeamsScript(options.TeamsJsUrl, string.IsNullOrWhiteSpace(options.TeamsJsIntegrity) ? null : options.TeamsJsIntegrity);

    /// <summary>
    /// The page's answer with headers that keep it private: never cached, never framed, the state in
    /// its address never sent on as a referrer, and only its own script and style (plus Teams'
    /// library) allowed to run.
    /// </summary>
    private static IResult Html(HttpContext http, string html, int status, LinkingOptions options)
    {
        var headers = http.Response.Headers;
        var teamsOrigin = TeamsScriptOf(options) is { } script && Uri.TryCreate(script.Url, UriKind.Absolute, out var url) ? " " + url.GetLeftPart(UriPartial.Authority) : string.Empty;
        headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'self'{teamsOrigin}; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
