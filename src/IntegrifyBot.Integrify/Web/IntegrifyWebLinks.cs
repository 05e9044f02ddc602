using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Api;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Integrify.Web;

/// <summary>
/// Links to the pages of the configured Integrify instance's web app (docs/integrify-api.md, "Web app
/// pages"), and the reverse: which page a pasted link points to, if it is one of this instance's. The
/// pages' shapes are the contract's unless Integrify:WebPages:&lt;Task|Request&gt; says otherwise.
/// </summary>
public sealed partial class IntegrifyWebLinks(IOptions<IntegrifyOptions> options)
{
    /// <summary>A task's page (confirmed).</summary>
    public const string TaskPage = "#/section-dashboard/recipienttask/{recipientTaskSid}";

    /// <summary>A request's page (confirmed).</summary>
    public const string RequestPage = "#/section-dashboard/request/{instanceSid}";

    /// <summary>The page's template on this instance, relative to Integrify:BaseUrl.</summary>
    public string TemplateOf(IntegrifyPageKind kind) =>
        options.Value.WebPages.TryGetValue(kind.ToString(), out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : kind == IntegrifyPageKind.Task ? TaskPage : RequestPage;

    /// <summary>The address of a task's or request's page.</summary>
    public Uri To(IntegrifyPageKind kind, string sid)
    {
        ArgumentException.ThrowIfNullOrEmpty(sid);
        var template = TemplateOf(kind);
        var placeholder = PathTemplate.Placeholders(template)[0];
        return new Uri(BaseUrl, PathTemplate.Fill(template, new Dictionary<string, string> { [placeholder] = Uri.EscapeDataString(sid) }));
    }

    /// <summary>
    /// The page <paramref name="link"/> points to, when it is a task's or request's page of this
    /// instance; null for anything else: another host, another page, or a sid that cannot be one.
    /// </summary>
    public IntegrifyPage? Recognise(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || link.Length > MaxLinkLength
            || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || options.Value.BaseUrl is not { } home
            || !string.Equals(url.IdnHost, home.IdnHost, StringComparison.OrdinalIgnoreCase)
            || !(url.Port == home.Port || (url.IsDefaultPort && home.IsDefaultPort)))
        {
            return null;
        }

        // The page is what follows the instance's address. The web app routes by its fragment ("#/…"),
        // which links write with or without a slash before it and, on some installations, after a
        // path of their own ("/workflow/#/…"): for such a page only the fragment counts. A query in
        // either (a tab, a return address) does not change the page.
        var path = WithoutQuery(url.AbsolutePath.TrimStart('/')).TrimEnd('/');
        var fragment = WithoutQuery(url.Fragment).TrimEnd('/');
        foreach (var kind in Enum.GetValues<IntegrifyPageKind>())
        {
            var template = TemplateOf(kind);
            var page = template.StartsWith('#') ? fragment : path;
            if (PathTemplate.Match(template, page) is { Count: 1 } values
                && Uri.UnescapeDataString(values.Values.First()) is var sid
                && Sid().IsMatch(sid))
            {
                return new IntegrifyPage(kind, sid);
            }
        }

        return null;
    }

    /// <summary>Whether a configured page template is usable: relative, with exactly one placeholder as a whole segment.</summary>
    public static bool IsUsableTemplate(string template) =>
        !string.IsNullOrWhiteSpace(template)
        && !template.Contains("://", StringComparison.Ordinal)
        && !template.StartsWith('/')
        && PathTemplate.Placeholders(template).Count == 1
        && PathTemplate.Match(template, PathTemplate.Fill(template, new Dictionary<string, string> { [PathTemplate.Placeholders(template)[0]] = "x" })) is not null;

    /// <summary>Longer than any link to a page of Integrify; a longer one is not read at all.</summary>
    private const int MaxLinkLength = 2048;

    private Uri BaseUrl => options.Value.BaseUrl ?? throw new InvalidOperationException("Integrify:BaseUrl is not set.");

    private static string WithoutQuery(string part) => part.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? part[..at] : part;

    /// <summary>Integrify's sids are GUIDs; anything else in their place is not a link to a page of it.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sid();
}
