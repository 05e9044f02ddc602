// Builds the Teams app package (the zip you upload to Teams or the Teams admin centre) from the
// manifest template next to this file.
//
//   dotnet run manifest/pack.cs -- --bot-id <guid> --host <host> [--integrify-host <host or URL>]
//                                  [--version 1.2.3] [--out <path.zip>]
//
// --integrify-host is the Integrify web app's host (acme.integrify.com), or its address as the bot's
// Integrify:BaseUrl setting has it (https://acme.integrify.com/). Links to that host pasted into a
// Teams message are then turned into cards by the bot. Without it the package has no link handler:
// the message extension's commands still work, only link unfurling is off.
//
// Exit codes: 0 written, 1 the template or the file system let us down, 2 bad arguments.

using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

const string Usage =
    "usage: dotnet run manifest/pack.cs -- --bot-id <guid> --host <host> [--integrify-host <host or URL>] [--version 1.2.3] [--out <path.zip>]";
const string IntegrifyHostPlaceholder = "{{INTEGRIFY_HOST}}";

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    var arg = args[i];
    if (arg is "-h" or "--help")
    {
        Console.WriteLine(Usage);
        return 0;
    }

    string name, value;
    var equals = arg.IndexOf('=', StringComparison.Ordinal);
    if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
    {
        (name, value) = (arg[..equals], arg[(equals + 1)..]);
    }
    else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        (name, value) = (arg, args[++i]);
    }
    else
    {
        return Fail(2, $"unexpected argument '{Shown(arg)}'. {Usage}");
    }

    if (name is not ("--bot-id" or "--host" or "--integrify-host" or "--version" or "--out"))
    {
        return Fail(2, $"unknown option '{Shown(name)}'. {Usage}");
    }

    options[name] = value;
}

if (!options.TryGetValue("--bot-id", out var botIdText) || !options.TryGetValue("--host", out var hostText))
{
    return Fail(2, $"--bot-id and --host are required. {Usage}");
}

// The Teams schema only accepts the plain hyphenated form, so "{...}" or "N"-format ids that
// Guid.TryParse would happily take must be rejected here rather than at upload time.
if (!Guid.TryParseExact(botIdText, "D", out var botId))
{
    return Fail(2, $"--bot-id must be the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000 (got '{Shown(botIdText)}').");
}

var host = hostText.ToLowerInvariant();
if (!Patterns.HostName().IsMatch(host) || host.Length > 253)
{
    return Fail(2, $"--host must be a bare host name like bot.contoso.com, without scheme, port or path (got '{Shown(hostText)}').");
}

string? integrifyHost = null;
if (options.TryGetValue("--integrify-host", out var integrifyHostText))
{
    if (IntegrifyHost.Parse(integrifyHostText, out integrifyHost) is { } problem)
    {
        return Fail(2, $"--integrify-host {problem} (got '{Shown(integrifyHostText)}').");
    }
}

var version = options.GetValueOrDefault("--version", "1.0.0");
if (!Patterns.Version().IsMatch(version))
{
    return Fail(2, $"--version must be major.minor.patch like 1.2.3, without leading zeros or suffixes (got '{Shown(version)}').");
}

var manifestDirectory = AppContext.GetData("EntryPointFileDirectoryPath") as string
    ?? Path.Combine(Directory.GetCurrentDirectory(), "manifest");
var repositoryRoot = Path.GetDirectoryName(Path.GetFullPath(manifestDirectory))!;
var outPath = options.TryGetValue("--out", out var outText)
    ? Path.GetFullPath(outText)
    : Path.Combine(repositoryRoot, "artifacts", "integrify-teams-app.zip");
if (!outPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
{
    return Fail(2, $"--out must name a .zip file (got '{Shown(outText)}').");
}

string[] icons = ["color.png", "outline.png"];
var templatePath = Path.Combine(manifestDirectory, "manifest.json");
foreach (var required in icons.Prepend("manifest.json"))
{
    if (!File.Exists(Path.Combine(manifestDirectory, required)))
    {
        return Fail(1, $"{Path.Combine(manifestDirectory, required)} is missing.");
    }
}

var manifest = File.ReadAllText(templatePath)
    .Replace("{{BOT_ID}}", botId.ToString("D"), StringComparison.Ordinal)
    .Replace("{{HOST}}", host, StringComparison.Ordinal)
    .Replace("{{VERSION}}", version, StringComparison.Ordinal);

var droppedLinkHandlers = 0;
try
{
    if (integrifyHost is not null)
    {
        manifest = manifest.Replace(IntegrifyHostPlaceholder, integrifyHost, StringComparison.Ordinal);
    }
    else
    {
        (manifest, droppedLinkHandlers) = LinkHandlers.RemoveThoseFor(IntegrifyHostPlaceholder, manifest);
    }

    using var _ = JsonDocument.Parse(manifest);
}
catch (JsonException e)
{
    return Fail(1, $"manifest.json is not valid JSON after filling placeholders: {e.Message}");
}

// A placeholder added to the template without teaching this script about it would otherwise ship
// literally and only be rejected by Teams at upload time.
var leftover = Patterns.Placeholder().Matches(manifest).Select(m => m.Value).Distinct().ToArray();
if (leftover.Length > 0)
{
    return Fail(1, $"manifest.json still contains {string.Join(", ", leftover)} after filling --bot-id, --host, --integrify-host and --version.");
}

try
{
    Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);

    // Written beside the target and then moved so that a failed run never leaves a half-written
    // package where the previous good one was.
    var temporaryPath = outPath + ".tmp";
    File.Delete(temporaryPath);
    using (var zip = ZipFile.Open(temporaryPath, ZipArchiveMode.Create))
    {
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json", CompressionLevel.Optimal).Open()))
        {
            writer.Write(manifest);
        }

        foreach (var icon in icons)
        {
            zip.CreateEntryFromFile(Path.Combine(manifestDirectory, icon), icon, CompressionLevel.Optimal);
        }
    }

    File.Move(temporaryPath, outPath, overwrite: true);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Fail(1, $"could not write {outPath}: {e.Message}");
}

if (integrifyHost is null && droppedLinkHandlers > 0)
{
    Console.WriteLine(
        "Note: no --integrify-host, so the package has no link handler and links to Integrify pasted into Teams stay plain links. " +
        "Pass the bot's Integrify:BaseUrl, such as --integrify-host https://acme.integrify.com/, to have them shown as cards.");
}

var links = integrifyHost is null ? "" : $", links to {integrifyHost}";
Console.WriteLine($"Wrote {outPath} (app {botId:D}, host {host}{links}, version {version}).");
return 0;

// Errors are promised to be one line, even when a pasted value carries a newline.
static string Shown(string? value) => (value ?? "").ReplaceLineEndings("\\n");

static int Fail(int exitCode, string message)
{
    Console.Error.WriteLine($"pack: {message}");
    return exitCode;
}

internal static class IntegrifyHost
{
    /// <summary>
    /// Takes a host name, or an http(s) address with nothing after the host (the form of the bot's
    /// Integrify:BaseUrl), and returns the lowercase host name, or what is wrong with the value.
    /// </summary>
    public static string? Parse(string value, out string? host)
    {
        host = null;
        if (value.Length == 0)
        {
            return "is empty; leave it out to build the package without link unfurling";
        }

        if (value.Any(char.IsWhiteSpace))
        {
            return "must not contain spaces";
        }

        var candidate = value;
        if (value.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var address))
            {
                return "is not a valid address; give a host name like acme.integrify.com or an address like https://acme.integrify.com/";
            }

            if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
            {
                return "must be an http or https address, or a bare host name like acme.integrify.com";
            }

            // Integrify:BaseUrl is the instance's address alone; a path, query or user name means
            // a page inside it or a mistake, not the host whose links Teams should hand to the bot.
            // A port is dropped: Teams matches pasted links by domain.
            if (address.AbsolutePath != "/" || address.Query.Length > 0 || address.Fragment.Length > 0 || address.UserInfo.Length > 0)
            {
                return "must be the Integrify web app's address alone, without a path, query or user name, such as https://acme.integrify.com/";
            }

            candidate = address.IdnHost;
        }

        candidate = candidate.ToLowerInvariant();

        // Teams would accept *.integrify.com, but that claims the links of every company's Integrify
        // instance, and the bot can only read its own.
        if (candidate.Contains('*', StringComparison.Ordinal))
        {
            return "must name the one Integrify host the bot uses, without a wildcard";
        }

        if (!Patterns.HostName().IsMatch(candidate) || candidate.Length > 253)
        {
            return "must be a public host name like acme.integrify.com, or an address like https://acme.integrify.com/; not an IP address, localhost, host:port or a path";
        }

        host = candidate;
        return null;
    }
}

internal static class LinkHandlers
{
    /// <summary>
    /// Drops the link handlers whose only domain is <paramref name="placeholder"/>, and a
    /// messageHandlers list they leave empty, so that the package is valid without that host.
    /// </summary>
    public static (string Manifest, int Removed) RemoveThoseFor(string placeholder, string manifest)
    {
        if (!manifest.Contains(placeholder, StringComparison.Ordinal))
        {
            return (manifest, 0);
        }

        var root = JsonNode.Parse(manifest)!.AsObject();
        var removed = 0;
        foreach (var extension in (root["composeExtensions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (extension["messageHandlers"] is not JsonArray handlers)
            {
                continue;
            }

            foreach (var handler in handlers.OfType<JsonObject>().Where(h => IsOnlyFor(h, placeholder)).ToList())
            {
                handlers.Remove(handler);
                removed++;
            }

            if (handlers.Count == 0)
            {
                extension.Remove("messageHandlers");
            }
        }

        // Relaxed escaping keeps quotes and apostrophes in the descriptions readable in the package.
        var written = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return (written, removed);
    }

    private static bool IsOnlyFor(JsonObject handler, string domain) =>
        IsString(handler["type"], "link")
        && handler["value"] is JsonObject { } value
        && value["domains"] is JsonArray { Count: 1 } domains
        && IsString(domains[0], domain);

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text == expected;
}

internal static partial class Patterns
{
    // DNS labels only: Teams needs a public HTTPS host for the bot and the privacy/terms pages,
    // so IP addresses, ports and single-label names like "localhost" are mistakes here.
    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    public static partial Regex HostName();

    // Teams takes MAJOR.MINOR.PATCH only (the schema's own semver definition has no pre-release or
    // build suffix) and compares versions numerically when an updated package is uploaded.
    [GeneratedRegex(@"^(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})\z", RegexOptions.CultureInvariant)]
    public static partial Regex Version();

    [GeneratedRegex(@"\{\{[^{}]*\}\}", RegexOptions.CultureInvariant)]
    public static partial Regex Placeholder();
}
