// Builds the Teams app package (the zip you upload to Teams or the Teams admin centre) from the
// manifest template next to this file.
//
//   dotnet run manifest/pack.cs -- --bot-id <guid> --host <host> [--version 1.2.3] [--out <path.zip>]
//
// Exit codes: 0 written, 1 the template or the file system let us down, 2 bad arguments.

using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

const string Usage =
    "usage: dotnet run manifest/pack.cs -- --bot-id <guid> --host <host> [--version 1.2.3] [--out <path.zip>]";

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

    if (name is not ("--bot-id" or "--host" or "--version" or "--out"))
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

// A placeholder added to the template without teaching this script about it would otherwise ship
// literally and only be rejected by Teams at upload time.
var leftover = Patterns.Placeholder().Matches(manifest).Select(m => m.Value).Distinct().ToArray();
if (leftover.Length > 0)
{
    return Fail(1, $"manifest.json still contains {string.Join(", ", leftover)} after filling --bot-id, --host and --version.");
}

try
{
    using var _ = JsonDocument.Parse(manifest);
}
catch (JsonException e)
{
    return Fail(1, $"manifest.json is not valid JSON after filling placeholders: {e.Message}");
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

Console.WriteLine($"Wrote {outPath} (app {botId:D}, host {host}, version {version}).");
return 0;

// Errors are promised to be one line, even when a pasted value carries a newline.
static string Shown(string? value) => (value ?? "").ReplaceLineEndings("\\n");

static int Fail(int exitCode, string message)
{
    Console.Error.WriteLine($"pack: {message}");
    return exitCode;
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
