using System.Text.RegularExpressions;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.EndToEndTests;

/// <summary>
/// The sign-in page of the link card, filled in by a person in headless Debian Chromium
/// (tests/tools/signin-page.mjs), and the code it shows sent back in the chat through /api/messages.
/// The screenshots are kept in artifacts/screenshots/linking for people to look at.
/// </summary>
public sealed partial class SignInPageUiTests : IAsyncLifetime
{
    private const string Password = "Passw0rd!";
    private LinkingBot bot = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is not installed: run ./test.sh, which installs it.");
        NodeTools.EnsureInstalled();

        // Zero-touch linking off and no Teams library to load: the page shows its code to be typed.
        bot = await LinkingBot.StartAsync();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_person_signs_in_on_the_page_and_the_code_sent_in_the_chat_links_them()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));

        var (output, screenshots) = await SignInInBrowserAsync(page, "signin-page", "alexw", Password);

        var code = Line(output, "code");
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Null(await bot.StoredAsync());
        AssertScreenshots(screenshots, "1-form.png", "2-filled.png", "3-code.png");

        var card = LinkingBot.Texts(await bot.SayAsync(code));

        Assert.Contains("You're linked", card, StringComparison.Ordinal);
        Assert.Contains("with your Integrify password", card, StringComparison.Ordinal);
        var stored = await bot.StoredAsync();
        Assert.Equal(("alexw", LinkMethod.Password), (stored?.UserName, stored?.Method));
    }

    [Fact]
    public async Task A_wrong_password_shows_integrifys_words_on_the_page_and_links_nothing()
    {
        var page = LinkingBot.SignInPage(await bot.SayAsync("sign in"));

        var (output, screenshots) = await SignInInBrowserAsync(page, "signin-page-refused", "alexw", "wrong-" + Password);

        Assert.Equal("Integrify didn't accept that: Wrong tenant, user name or password.", Line(output, "refused"));
        Assert.Equal("alexw", Line(output, "username"));
        Assert.Equal("empty", Line(output, "password"));
        AssertScreenshots(screenshots, "1-form.png", "2-filled.png", "3-refused.png");
        Assert.Equal(1, bot.Simulator.Counters.Calls("A1"));
        Assert.Null(await bot.StoredAsync());
    }

    /// <summary>Runs signin-page.mjs on the page; its output and the folder of its screenshots.</summary>
    private static async Task<(string Output, string Screenshots)> SignInInBrowserAsync(Uri page, string name, string userName, string password)
    {
        var screenshots = Path.Combine(Repository.Root, "artifacts", "screenshots", "linking", name);
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, output) = await BotProcess.RunToEndAsync(
            "node", [NodeTools.Path("signin-page.mjs"), page.ToString(), screenshots, userName, password], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        return (output, screenshots);
    }

    private static void AssertScreenshots(string folder, params string[] names)
    {
        foreach (var name in names)
        {
            var file = new FileInfo(Path.Combine(folder, name));
            Assert.True(file.Exists && file.Length > 10_000, $"{name} is missing or blank.");
        }
    }

    /// <summary>The value of a "name: value" line the script printed.</summary>
    private static string Line(string output, string name) =>
        OutputLine().Matches(output).FirstOrDefault(match => match.Groups[1].Value == name)?.Groups[2].Value.Trim()
        ?? throw new InvalidOperationException($"The script printed no \"{name}:\" line:\n{output}");

    [GeneratedRegex(@"^([a-z]+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex OutputLine();
}
