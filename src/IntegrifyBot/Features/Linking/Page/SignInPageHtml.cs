using System.Text.Encodings.Web;

namespace IntegrifyBot.Features.Linking.Page;

/// <summary>
/// The sign-in page's HTML. Everything from outside (a username, Integrify's words) is HTML-encoded;
/// the page has no inline script or style, so its Content-Security-Policy can forbid both.
/// </summary>
internal static class SignInPageHtml
{
    public const string PasswordMethod = "password";
    public const string ApiKeyMethod = "apikey";

    public static string Form(string action, string antiforgeryField, string antiforgeryToken, string? notice, string? userName) => Page(
        "Link your Integrify account",
        $"""
        <h1>Link your Integrify account</h1>
        <p class="muted">Sign in once, and the Integrify bot in Teams can show your tasks, approve and reject for you, start requests and run reports. Your password goes to Integrify only and is never stored.</p>
        {(notice is null ? string.Empty : $"""<p class="notice" role="alert">{Encode(notice)}</p>""")}
        <form method="post" action="{Encode(action)}">
          <h2>With your Integrify password</h2>
          <input type="hidden" name="{Encode(antiforgeryField)}" value="{Encode(antiforgeryToken)}">
          <input type="hidden" name="method" value="{PasswordMethod}">
          <label for="userName">Username</label>
          <input id="userName" name="userName" autocomplete="username" required maxlength="200" value="{Encode(userName ?? string.Empty)}" autofocus>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="500">
          <button type="submit">Sign in</button>
        </form>
        <hr>
        <form method="post" action="{Encode(action)}">
          <h2>Or with a personal API key</h2>
          <input type="hidden" name="{Encode(antiforgeryField)}" value="{Encode(antiforgeryToken)}">
          <input type="hidden" name="method" value="{ApiKeyMethod}">
          <label for="apiKey">Personal API key</label>
          <input id="apiKey" name="apiKey" type="password" autocomplete="off" required maxlength="500">
          <button type="submit">Link with API key</button>
        </form>
        """,
        code: null,
        teamsJs: null);

    public static string Done(string code, TeamsScript? teamsJs) => Page(
        "Almost done",
        $"""
        <h1>Almost done</h1>
        <p>Integrify accepted your sign-in. If this window doesn't close by itself, go back to your chat with the Integrify bot in Teams and send it this code:</p>
        <p class="code" aria-label="Your code: {string.Join(' ', code.ToCharArray())}">{Encode(code)}</p>
        <p class="muted">The code works only for your Teams account, once, for a few minutes.</p>
        """,
        code,
        teamsJs);

    public static string Gone() => Page(
        "This sign-in link has expired",
        """
        <h1>This sign-in link has expired</h1>
        <p>It was already used, or it is more than a few minutes old. Go back to Teams and send <strong>sign in</strong> to the Integrify bot for a new one.</p>
        """,
        code: null,
        teamsJs: null);

    public static string FormExpired() => Page(
        "Please try again",
        """
        <h1>Please try again</h1>
        <p>This form could not be checked (it may have been open too long, or cookies are blocked). Reload the page and sign in again.</p>
        """,
        code: null,
        teamsJs: null);

    private static string Page(string title, string main, string? code, TeamsScript? teamsJs) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{Encode(title)} · Integrify bot</title>
        <link rel="stylesheet" href="/link/link.css">
        </head>
        <body{(code is null ? string.Empty : $" data-code=\"{Encode(code)}\"")}>
        <main>
        {main}
        </main>
        {(teamsJs is null ? string.Empty : $"""<script src="{Encode(teamsJs.Url)}"{(teamsJs.Integrity is null ? string.Empty : $" integrity=\"{Encode(teamsJs.Integrity)}\"")} crossorigin="anonymous"></script>""")}
        {(code is null ? string.Empty : """<script src="/link/link.js"></script>""")}
        </body>
        </html>
        """;

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}

/// <summary>The Teams JavaScript library, with the hash it must have.</summary>
internal sealed record TeamsScript(string Url, string? Integrity);
