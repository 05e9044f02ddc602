using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace IntegrifyBot.FunctionalTests.Manifest;

[Collection(PackScript.Name)]
public sealed class ManifestPackageTests(PackedAppFixture packed)
{
    [Fact]
    public void Pack_script_writes_a_zip_with_the_manifest_and_both_icons_at_its_root()
    {
        packed.EnsurePacked();

        Assert.Equal(
            ["color.png", "manifest.json", "outline.png"],
            packed.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Packed_manifest_is_valid_against_the_Teams_schema()
    {
        TeamsSchema.AssertValid(packed.RepositoryRoot, packed.ManifestRoot());
    }

    [Fact]
    public void Packed_manifest_points_at_the_public_schema_of_its_manifest_version()
    {
        var root = packed.ManifestRoot();
        var manifestVersion = root.GetProperty("manifestVersion").GetString();

        Assert.Equal(
            $"https://developer.microsoft.com/en-us/json-schemas/teams/v{manifestVersion}/MicrosoftTeams.schema.json",
            root.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Packed_manifest_has_every_placeholder_filled_with_the_given_values()
    {
        var text = packed.ManifestText();
        var root = packed.ManifestRoot();

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("}}", text, StringComparison.Ordinal);
        Assert.Equal(PackedAppFixture.BotId, root.GetProperty("id").GetString());
        Assert.Equal(PackedAppFixture.BotId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(PackedAppFixture.BotId, root.GetProperty("composeExtensions")[0].GetProperty("botId").GetString());
        Assert.Equal(PackedAppFixture.Version, root.GetProperty("version").GetString());
        Assert.Contains(PackedAppFixture.Host, root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        var developer = root.GetProperty("developer");
        Assert.Equal($"https://{PackedAppFixture.Host}/", developer.GetProperty("websiteUrl").GetString());
        Assert.Equal($"https://{PackedAppFixture.Host}/privacy.html", developer.GetProperty("privacyUrl").GetString());
        Assert.Equal($"https://{PackedAppFixture.Host}/terms.html", developer.GetProperty("termsOfUseUrl").GetString());
    }

    [Fact]
    public void Manifest_icons_name_files_that_are_in_the_package()
    {
        var icons = packed.ManifestRoot().GetProperty("icons");

        Assert.Equal("color.png", icons.GetProperty("color").GetString());
        Assert.Equal("outline.png", icons.GetProperty("outline").GetString());
    }

    [Fact]
    public void Every_bot_scope_offers_the_help_command()
    {
        var bot = packed.ManifestRoot().GetProperty("bots")[0];
        var scopes = bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray();

        Assert.Equal(["groupChat", "personal", "team"], scopes.Order(StringComparer.Ordinal));
        Assert.All(scopes, scope => Assert.Contains(
            "help",
            bot.GetProperty("commandLists").EnumerateArray()
                .Where(list => list.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == scope))
                .SelectMany(list => list.GetProperty("commands").EnumerateArray())
                .Select(command => command.GetProperty("title").GetString())));
    }

    [Fact]
    public void Color_icon_is_an_opaque_full_colour_192_pixel_square()
    {
        var icon = Png.Decode(packed.Entry("color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        var transparent = icon.Pixels().Count(p => p.A != 255);
        Assert.True(transparent == 0, $"color.png has {transparent} pixels that are not fully opaque");
        Assert.True(icon.Pixels().Any(p => p.R != p.G || p.G != p.B), "color.png is greyscale");
    }

    [Fact]
    public void Outline_icon_is_a_32_pixel_square_of_white_on_transparent()
    {
        var icon = Png.Decode(packed.Entry("outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlpha, $"outline.png has no alpha channel or tRNS chunk (PNG colour type {icon.ColorType})");
        foreach (var (x, y) in new[] { (0, 0), (31, 0), (0, 31), (31, 31) })
        {
            Assert.True(icon[x, y].A == 0, $"outline.png is not transparent at corner ({x},{y}): alpha {icon[x, y].A}");
        }

        var notWhite = icon.Pixels().Count(p => p.A > 0 && (p.R, p.G, p.B) != (255, 255, 255));
        Assert.True(notWhite == 0, $"outline.png has {notWhite} visible pixels that are not white");
        Assert.True(icon.Pixels().Any(p => p.A == 255), "outline.png has no fully opaque pixel, so the symbol would be invisible");
    }

    [Fact]
    public async Task Pack_script_refuses_a_bot_id_that_is_not_a_guid()
    {
        var output = Path.Combine(packed.WorkDirectory, "bad-bot-id.zip");

        var run = await packed.RunPackAsync("--bot-id", "not-a-guid", "--host", PackedAppFixture.Host, "--out", output);

        Assert.True(run.ExitCode == 2, $"expected exit code 2, {run}");
        Assert.Contains("--bot-id", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output), "a package was written despite the bad bot id");
    }

    [Theory]
    [InlineData("--host", "https://bot.contoso.com")]
    [InlineData("--host", "bot.contoso.com/api")]
    [InlineData("--version", "1.0")]
    [InlineData("--version", "1.0.0-beta")]
    public async Task Pack_script_refuses_a_malformed_host_or_version_with_a_one_line_error(string option, string value)
    {
        var output = Path.Combine(packed.WorkDirectory, "bad-input.zip");
        var arguments = new Dictionary<string, string>
        {
            ["--bot-id"] = PackedAppFixture.BotId,
            ["--host"] = PackedAppFixture.Host,
            ["--out"] = output,
            [option] = value,
        };

        var run = await packed.RunPackAsync([.. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.True(run.ExitCode == 2, $"expected exit code 2, {run}");
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.Contains(option, run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output), $"a package was written despite {option} {value}");
    }
}

/// <summary>
/// The tests that run the pack script share one packed app, and take turns: concurrent
/// `dotnet run`s of one file would race to build it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackScript : ICollectionFixture<PackedAppFixture>
{
    public const string Name = "Pack script";
}

/// <summary>Runs the pack script once for all its tests, because its first build takes several seconds.</summary>
public sealed class PackedAppFixture : IAsyncLifetime
{
    public const string BotId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    public const string Host = "integrify-bot.example.com";
    public const string IntegrifyHost = "acme.integrify.com";
    public const string Version = "2.7.1";

    private PackRun? packRun;

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), $"integrifybot-manifest-{Guid.NewGuid():N}");

    public IReadOnlyDictionary<string, byte[]> Entries { get; private set; } = new Dictionary<string, byte[]>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        var zipPath = Path.Combine(WorkDirectory, "integrify-teams-app.zip");
        packRun = await RunPackAsync("--bot-id", BotId, "--host", Host, "--integrify-host", IntegrifyHost, "--version", Version, "--out", zipPath);
        if (packRun.ExitCode != 0 || !File.Exists(zipPath))
        {
            return;
        }

        Entries = await ReadZipAsync(zipPath);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(WorkDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Fails the calling test with the script's own output when packing did not work.</summary>
    public void EnsurePacked()
    {
        Assert.True(packRun is { ExitCode: 0 }, $"dotnet run manifest/pack.cs failed: {packRun}");
        Assert.True(Entries.Count > 0, $"the pack script reported success but wrote no zip: {packRun}");
    }

    public byte[] Entry(string name)
    {
        EnsurePacked();
        Assert.True(Entries.TryGetValue(name, out var bytes), $"{name} is not in the package");
        return bytes;
    }

    public string ManifestText() => Encoding.UTF8.GetString(Entry("manifest.json"));

    public JsonElement ManifestRoot()
    {
        using var document = JsonDocument.Parse(Entry("manifest.json"));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Packs another app with the fixture's bot id, host and version and the given extra options,
    /// and returns the script's run and the packed manifest (null when no package was written).
    /// </summary>
    public async Task<(PackRun Run, JsonElement? Manifest)> PackAnotherAsync(params string[] options)
    {
        var zipPath = Path.Combine(WorkDirectory, $"another-{Guid.NewGuid():N}.zip");
        var run = await RunPackAsync(["--bot-id", BotId, "--host", Host, "--version", Version, "--out", zipPath, .. options]);
        if (!File.Exists(zipPath))
        {
            return (run, null);
        }

        using var document = JsonDocument.Parse((await ReadZipAsync(zipPath))["manifest.json"]);
        return (run, document.RootElement.Clone());
    }

    public async Task<PackRun> RunPackAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("manifest/pack.cs");
        start.ArgumentList.Add("--");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A test host started by `dotnet test` or an IDE carries MSBuild variables meant for that
        // host's own build (Visual Studio's MSBuild, for one); the nested `dotnet run` must resolve
        // its own SDK.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet run manifest/pack.cs {string.Join(' ', arguments)} did not finish within 3 minutes");
        }

        return new PackRun(process.ExitCode, await standardOutput, await standardError);
    }

    private static async Task<Dictionary<string, byte[]>> ReadZipAsync(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            entries[entry.FullName] = buffer.ToArray();
        }

        return entries;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IntegrifyBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no folder containing IntegrifyBot.sln above {AppContext.BaseDirectory}");
    }
}

public sealed record PackRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() =>
        $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

internal static class TeamsSchema
{
    public static void AssertValid(string repositoryRoot, JsonElement manifest)
    {
        var manifestVersion = manifest.GetProperty("manifestVersion").GetString();
        var schema = Load(repositoryRoot, manifestVersion!);

        var result = schema.Evaluate(
            manifest,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        Assert.True(result.IsValid, $"manifest.json fails the Teams v{manifestVersion} schema:\n{Describe(result)}");
    }

    public static JsonSchema Load(string repositoryRoot, string manifestVersion)
    {
        var toolsModules = Path.Combine(repositoryRoot, "tests", "tools", "node_modules");
        if (!Directory.Exists(toolsModules))
        {
            Assert.Fail($"{toolsModules} is missing, so the Teams manifest schema is not available. Run `npm ci --prefix tests/tools` from the repository root.");
        }

        var path = Path.Combine(toolsModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{manifestVersion}", "MicrosoftTeams.schema.json");
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: the installed @microsoft/app-manifest has no schema for manifestVersion {manifestVersion}. Run `npm ci --prefix tests/tools`, or update @microsoft/app-manifest in tests/tools/package.json if the manifest moved to a newer version.");
        }

        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

        // Microsoft declares draft-04, which JsonSchema.Net does not implement. The schema only
        // references itself by JSON pointer, uses no draft-04-only semantics (no boolean
        // exclusiveMinimum/Maximum, no "id" keyword) and relies on const and if/then, which only
        // exist from draft-06/07 on and which Microsoft's own validator (ajv-draft-04, used by
        // @microsoft/app-manifest) applies too; read as draft-07 it means what Teams means.
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";

        // An unexpected remote $ref would make the result depend on the network; fail loudly instead.
        var offline = new SchemaRegistry
        {
            Fetch = (uri, _) => throw new InvalidOperationException($"the Teams schema tried to fetch {uri}; the test must stay offline"),
        };

        return JsonSchema.Build(
            JsonSerializer.SerializeToElement(schema),
            new BuildOptions { SchemaRegistry = offline },
            new Uri($"https://developer.microsoft.com/en-us/json-schemas/teams/v{manifestVersion}/MicrosoftTeams.schema.json"));
    }

    public static string Describe(EvaluationResults result)
    {
        var lines = (result.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error =>
                $"  {(detail.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {error.Value} ({$"{detail.EvaluationPath} {error.Key}".TrimEnd()})"))
            .ToList();
        return lines.Count > 0 ? string.Join('\n', lines) : "  (no error details reported)";
    }
}

/// <summary>
/// Just enough of a PNG decoder to read pixels from 8-bit, non-interlaced images, which is what
/// icon editors and optimisers produce at these sizes.
/// </summary>
internal sealed class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly byte[] rgba;

    private Png(int width, int height, byte colorType, bool hasAlpha, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        HasAlpha = hasAlpha;
        this.rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte ColorType { get; }

    /// <summary>True for an alpha channel (colour types 4 and 6) or a tRNS chunk.</summary>
    public bool HasAlpha { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return this[x, y];
            }
        }
    }

    public static Png Decode(byte[] file)
    {
        Assert.True(file.AsSpan().StartsWith(Signature), "not a PNG file");

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        byte[] palette = [], transparency = [];
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset + 8 <= file.Length;)
        {
            var length = ReadInt32(file, offset);
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height) = (ReadInt32(file, offset + 8), ReadInt32(file, offset + 12));
                    (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        Assert.True(
            bitDepth == 8 && interlace == 0,
            $"unsupported PNG layout (bit depth {bitDepth}, interlace {interlace}); save icons as 8-bit, non-interlaced PNG");
        var channels = colorType switch
        {
            0 or 3 => 1,
            2 => 3,
            4 => 2,
            6 => 4,
            _ => throw new InvalidDataException($"invalid PNG colour type {colorType}"),
        };

        var stride = width * channels;
        var raw = new byte[height * (stride + 1)];
        compressed.Position = 0;
        using (var inflate = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            inflate.ReadExactly(raw);
        }

        var samples = Unfilter(raw, height, stride, channels);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var s = i * channels;
            (byte r, byte g, byte b, byte a) = colorType switch
            {
                0 => (samples[s], samples[s], samples[s], IsTransparentSample(transparency, samples[s], samples[s], samples[s])),
                2 => (samples[s], samples[s + 1], samples[s + 2], IsTransparentSample(transparency, samples[s], samples[s + 1], samples[s + 2])),
                3 => (palette[samples[s] * 3], palette[(samples[s] * 3) + 1], palette[(samples[s] * 3) + 2],
                      samples[s] < transparency.Length ? transparency[samples[s]] : (byte)255),
                4 => (samples[s], samples[s], samples[s], samples[s + 1]),
                _ => (samples[s], samples[s + 1], samples[s + 2], samples[s + 3]),
            };
            (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = (r, g, b, a);
        }

        return new Png(width, height, colorType, colorType is 4 or 6 || transparency.Length > 0, rgba);
    }

    // tRNS for grey and RGB images names one colour (as 16-bit samples) that is fully transparent.
    private static byte IsTransparentSample(byte[] transparency, byte r, byte g, byte b) =>
        transparency.Length switch
        {
            2 when transparency[1] == r => 0,
            6 when (transparency[1], transparency[3], transparency[5]) == (r, g, b) => 0,
            _ => 255,
        };

    private static byte[] Unfilter(byte[] raw, int height, int stride, int bytesPerPixel)
    {
        var output = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = (y * (stride + 1)) + 1;
            var row = y * stride;
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bytesPerPixel ? output[row + x - bytesPerPixel] : 0;
                int up = y > 0 ? output[row - stride + x] : 0;
                int upLeft = x >= bytesPerPixel && y > 0 ? output[row - stride + x - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"invalid PNG filter {filter} on row {y}"),
                };
                output[row + x] = (byte)(raw[source + x] + predictor);
            }
        }

        return output;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }

    private static int ReadInt32(byte[] buffer, int offset) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(offset, 4));
}
