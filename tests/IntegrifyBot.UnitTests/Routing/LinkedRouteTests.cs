using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Help;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Routing;
using IntegrifyBot.Settings;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.UnitTests.Routing;

/// <summary>
/// Routes that declare they act as a linked user: the router finds (or makes) the link before they run,
/// hands them the user, and answers people without a link with the link card; other routes never
/// cause a look-up.
/// </summary>
public sealed class LinkedRouteTests : IDisposable
{
    private static readonly BotRequest PersonalTurn = new(
        new TurnUser("29:alex", "aad-alex", "Alex Wilber"),
        new TurnConversation("a:personal-alex", ConversationKind.Personal, "tenant-contoso"));

    private static readonly IntegrifyUser Alex = new("tenant-contoso", "aad-alex");

    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingFeature recording = new();
    private readonly LinkedFeature linkedFeature = new();

    public void Dispose() => services.Dispose();

    [Theory]
    [InlineData("inbox")]
    [InlineData("#42")]
    public async Task Text_for_a_linked_route_from_someone_without_a_link_gets_the_link_card_and_the_route_never_runs(string text)
    {
        var users = new RecordingLinkedUsers();

        var reply = await Router(users).HandleTextAsync(PersonalTurn, text, CancellationToken.None);

        Assert.Equal("sign in (NotLinked)", Said(reply));
        Assert.Equal([SignInReason.NotLinked], recording.SignInsRequired);
        Assert.Empty(linkedFeature.Ran);
        Assert.Single(users.Asked);
    }

    [Fact]
    public async Task A_linked_verb_clicked_by_someone_without_a_link_gets_the_link_card_and_the_route_never_runs()
    {
        var reply = await Router(new RecordingLinkedUsers()).HandleCardActionAsync(PersonalTurn, Execute(LinkedFeature.OpenVerb, """{"itemId":"I-1"}"""), CancellationToken.None);

        Assert.Equal("sign in (NotLinked)", Said(reply));
        Assert.Empty(linkedFeature.Ran);
    }

    [Fact]
    public async Task A_linked_command_run_from_a_button_gets_the_link_card_too()
    {
        var reply = await Router(new RecordingLinkedUsers()).HandleCardActionAsync(PersonalTurn, Execute(RunCommandData.Verb, """{"text":"inbox"}"""), CancellationToken.None);

        Assert.Equal("sign in (NotLinked)", Said(reply));
        Assert.Empty(linkedFeature.Ran);
    }

    [Fact]
    public async Task Each_linked_route_is_handed_the_linked_user()
    {
        var users = new RecordingLinkedUsers();
        users.Link(PersonalTurn);
        var router = Router(users);

        Assert.Equal("command inbox|today", Said(await router.HandleTextAsync(PersonalTurn, "Inbox today", CancellationToken.None)));
        Assert.Equal("pattern #42", Said(await router.HandleTextAsync(PersonalTurn, "#42", CancellationToken.None)));
        Assert.Equal("verb I-7", Said(await router.HandleCardActionAsync(PersonalTurn, Execute(LinkedFeature.OpenVerb, """{"itemId":"I-7"}"""), CancellationToken.None)));

        Assert.Equal([Alex, Alex, Alex], linkedFeature.Ran.Select(ran => ran.User));
        Assert.Empty(recording.SignInsRequired);
    }

    [Fact]
    public async Task With_zero_touch_linking_on_a_linked_route_links_the_person_on_the_spot_and_runs()
    {
        var users = new RecordingLinkedUsers { LinksOnTheSpot = true };

        var reply = await Router(users).HandleTextAsync(PersonalTurn, "inbox", CancellationToken.None);

        Assert.Equal("command inbox|", Said(reply));
        Assert.Equal([Alex], users.LinkedOnTheSpot);
        Assert.Equal([("command inbox|", Alex)], linkedFeature.Ran);
        Assert.Empty(recording.SignInsRequired);
    }

    [Fact]
    public async Task A_route_that_needs_no_link_never_looks_the_user_up()
    {
        var users = new RecordingLinkedUsers();
        var router = Router(users);

        await router.HandleTextAsync(PersonalTurn, "my tasks", CancellationToken.None);
        await router.HandleTextAsync(PersonalTurn, "help", CancellationToken.None);
        await router.HandleTextAsync(PersonalTurn, "1234", CancellationToken.None);
        await router.HandleTextAsync(PersonalTurn, "no such command", CancellationToken.None);
        await router.HandleCardActionAsync(PersonalTurn, Execute(RecordingFeature.TypedVerb, """{"taskId":"T-1","priority":3}"""), CancellationToken.None);
        await router.WelcomeAsync(PersonalTurn, CancellationToken.None);

        Assert.Empty(users.Asked);
    }

    [Fact]
    public async Task Altered_data_on_a_linked_verb_is_refused_before_anyone_is_looked_up()
    {
        var users = new RecordingLinkedUsers();

        var reply = await Router(users).HandleCardActionAsync(PersonalTurn, Execute(LinkedFeature.OpenVerb, """{"itemId":""}"""), CancellationToken.None);

        Assert.Contains("This card can't be used any more", Texts(reply));
        Assert.Empty(users.Asked);
        Assert.Empty(recording.SignInsRequired);
    }

    [Fact]
    public async Task A_link_card_that_fails_for_someone_without_a_link_offers_to_run_the_same_command_again()
    {
        recording.SignInAnswer = _ => Task.FromException<BotReply>(new InvalidOperationException("The database is gone."));

        var reply = await Router(new RecordingLinkedUsers()).HandleTextAsync(PersonalTurn, "inbox today", CancellationToken.None);

        var card = Assert.IsType<CardReply>(reply).Card;
        Assert.Contains("Something went wrong", Texts(reply));
        var retry = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions ?? []));
        Assert.Equal(RunCommandData.Verb, retry.Verb);
        Assert.Equal("inbox today", (string?)retry.Data?["text"]);
    }

    [Fact]
    public async Task A_link_that_Integrify_ends_during_a_linked_route_gets_the_link_card_saying_it_expired()
    {
        var users = new RecordingLinkedUsers();
        users.Link(PersonalTurn);

        var reply = await Router(users).HandleTextAsync(PersonalTurn, "revoked", CancellationToken.None);

        Assert.Equal("sign in (Expired)", Said(reply));
        Assert.Equal([("revoked", Alex)], linkedFeature.Ran);
    }

    [Fact]
    public void Mapping_a_linked_phrase_another_route_has_fails_at_construction()
    {
        var clash = new MappingFeature(routes => routes.MapLinkedCommand(new CommandDescriptor("todo", "Clashes with my tasks"), (_, _, _) => Task.FromResult<BotReply>(new TextReply("unused"))));

        Assert.Throws<InvalidOperationException>(() => Router(new RecordingLinkedUsers(), clash));
    }

    private BotRouter Router(RecordingLinkedUsers users, params IBotFeature[] extra) => new(
        [new HelpFeature(), recording, linkedFeature, .. extra],
        users,
        new TurnCredentials(),
        new IntegrifyBot.Integrify.Web.IntegrifyWebLinks(Options.Create(new IntegrifyBot.Integrify.IntegrifyOptions { BaseUrl = new Uri("https://acme.integrify.com/") })),
        Options.Create(new BotOptions { InvokeTimeout = TimeSpan.FromMinutes(10), MessageTimeout = TimeSpan.FromMinutes(10) }),
        new RouterMetrics(services.GetRequiredService<IMeterFactory>()),
        NullLogger<BotRouter>.Instance);

    private static CardInvocation Execute(string verb, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new(verb, document.RootElement.Clone(), CardInvocationKind.Execute);
    }

    private static string Said(BotReply reply) => Assert.IsType<TextReply>(reply).Text;

    /// <summary>Every "text" the card shows, joined: enough to tell which card it is.</summary>
    private static string Texts(BotReply reply) =>
        string.Join(" / ", Nodes(CardJson.ToJsonObject(Assert.IsType<CardReply>(reply).Card)).OfType<JsonObject>().Select(node => node["text"]).OfType<JsonValue>().Select(text => text.ToString()));

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(property => property.Value).SelectMany(Nodes).Prepend(obj),
        JsonArray array => array.SelectMany(Nodes).Prepend(array),
        null => [],
        _ => [node],
    };
}
