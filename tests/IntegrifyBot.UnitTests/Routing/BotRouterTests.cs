using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Help;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Routing;
using IntegrifyBot.Settings;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static IntegrifyBot.TestInfrastructure.RecordingFeature;

namespace IntegrifyBot.UnitTests.Routing;

/// <summary>
/// The real router with the real help feature and a recording test feature: every turn gets an answer,
/// card data is checked before a handler sees it, and failures and slow handlers become problem cards.
/// </summary>
public sealed class BotRouterTests : IDisposable
{
    private static readonly TimeSpan ShortBudget = TimeSpan.FromMilliseconds(200);

    // Long enough that reaching it means the wrong budget was used; the test guard fails first.
    private static readonly TimeSpan LongBudget = TimeSpan.FromMinutes(10);

    private static readonly BotRequest PersonalTurn = new(
        new TurnUser("29:alex", "aad-alex", "Alex Wilber"),
        new TurnConversation("a:personal-alex", ConversationKind.Personal, "tenant-contoso"));

    private const string TaskJson = """{"taskId":"T-1","priority":3}""";

    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingFeature feature = new();

    public void Dispose() => services.Dispose();

    [Theory]
    [InlineData("my tasks")]
    [InlineData("MY TASKS")]
    [InlineData("My Tasks")]
    [InlineData("   my \t  tasks   ")]
    [InlineData("my tasks!")]
    [InlineData("my tasks.")]
    [InlineData("my tasks?")]
    [InlineData("Todo!!")]
    public async Task Commands_match_whatever_the_case_spacing_and_trailing_punctuation(string text)
    {
        var reply = await Router().HandleTextAsync(PersonalTurn, text, CancellationToken.None);

        Assert.Equal("my tasks|", Assert.IsType<TextReply>(reply).Text);
        Assert.Equal(MyTasks, Assert.Single(feature.CommandsReceived).Command);
    }

    [Theory]
    [InlineData("?")]
    [InlineData("help")]
    [InlineData("Help!")]
    [InlineData("what can you do?")]
    public async Task Question_mark_alone_and_the_help_phrases_answer_with_help(string text)
    {
        var texts = Texts(await Router().HandleTextAsync(PersonalTurn, text, CancellationToken.None));

        Assert.Contains("Here's what I can do", texts);
        Assert.DoesNotContain(texts, line => line.Contains("didn't understand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Longest_phrase_wins_over_a_shorter_one()
    {
        var router = Router();

        var longer = await router.HandleTextAsync(PersonalTurn, "my tasks", CancellationToken.None);
        var shorter = await router.HandleTextAsync(PersonalTurn, "my", CancellationToken.None);

        Assert.Equal("my tasks|", Assert.IsType<TextReply>(longer).Text);
        Assert.Equal("my|", Assert.IsType<TextReply>(shorter).Text);
    }

    [Fact]
    public async Task Shorter_phrase_takes_the_rest_as_arguments_when_no_longer_phrase_matches()
    {
        var reply = await Router().HandleTextAsync(PersonalTurn, "my approvals", CancellationToken.None);

        Assert.Equal("my|approvals", Assert.IsType<TextReply>(reply).Text);
    }

    [Theory]
    [InlineData("tasks Invoice 42")]
    [InlineData("TASKS   Invoice    42")]
    [InlineData("  tasks\tInvoice 42  ")]
    public async Task Arguments_keep_their_case_with_spacing_collapsed(string text)
    {
        await Router().HandleTextAsync(PersonalTurn, text, CancellationToken.None);

        var request = Assert.Single(feature.CommandsReceived);
        Assert.Equal(Tasks, request.Command);
        Assert.Equal("Invoice 42", request.Arguments);
        Assert.Same(PersonalTurn, request.Turn);
    }

    [Fact]
    public async Task A_phrase_inside_a_longer_word_is_not_a_command()
    {
        var texts = Texts(await Router().HandleTextAsync(PersonalTurn, "taskset", CancellationToken.None));

        Assert.Empty(feature.CommandsReceived);
        Assert.Contains("Sorry, I didn't understand “taskset”.", texts);
    }

    [Fact]
    public async Task Unknown_text_gets_help_that_says_so_and_shows_the_text_escaped()
    {
        var texts = Texts(await Router().HandleTextAsync(PersonalTurn, "approve [all](https://evil.example)", CancellationToken.None));

        Assert.Contains(@"Sorry, I didn't understand “approve \[all\](https://evil.example)”.", texts);
        Assert.Contains("Here's what I can do", texts);
        Assert.Empty(feature.CommandsReceived);
    }

    [Fact]
    public async Task A_question_mark_after_other_trailing_punctuation_is_ignored_too()
    {
        // "help?!" is understood, so "help!?" is too: the punctuation's order is an accident of typing.
        var texts = Texts(await Router().HandleTextAsync(PersonalTurn, "help!?", CancellationToken.None));

        Assert.DoesNotContain(texts, line => line.Contains("didn't understand", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CardInvocationKind.Execute)]
    [InlineData(CardInvocationKind.Submit)]
    public async Task Verb_data_reaches_the_handler_as_its_typed_record(CardInvocationKind kind)
    {
        // Submit data also carries the verb and any card inputs; keys the record does not know are ignored.
        var reply = await Router().HandleCardActionAsync(
            PersonalTurn,
            new CardInvocation(TypedVerb, Data("""{"taskId":"T-7","priority":5,"verb":"test.typed","comment":"ok"}"""), kind),
            CancellationToken.None);

        Assert.Equal("typed T-7", Assert.IsType<TextReply>(reply).Text);
        Assert.Equal((TypedVerb, (object)new TaskData("T-7", 5)), Assert.Single(feature.VerbsReceived));
    }

    [Theory]
    [InlineData("""{"priority":3}""")]
    [InlineData("""{"taskId":"T-1"}""")]
    [InlineData("""{"taskId":"","priority":3}""")]
    [InlineData("""{"taskId":"   ","priority":3}""")]
    [InlineData("""{"taskId":null,"priority":3}""")]
    [InlineData("""{"taskId":"T-1","priority":0}""")]
    [InlineData("""{"taskId":"T-1","priority":6}""")]
    [InlineData("""{"taskId":"T-1","priority":"urgent"}""")]
    [InlineData("""{"taskId":["T-1"],"priority":3}""")]
    [InlineData("""{}""")]
    public async Task Missing_or_invalid_verb_data_is_refused_before_the_handler_runs(string json)
    {
        var reply = await Router().HandleCardActionAsync(PersonalTurn, Execute(TypedVerb, json), CancellationToken.None);

        AssertOutdatedCard(reply);
        Assert.Empty(feature.VerbsReceived);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"test.typed\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task Verb_data_that_is_not_an_object_is_refused(string json)
    {
        var reply = await Router().HandleCardActionAsync(PersonalTurn, Execute(TypedVerb, json), CancellationToken.None);

        AssertOutdatedCard(reply);
        Assert.Empty(feature.VerbsReceived);
    }

    [Fact]
    public async Task Verb_data_that_is_absent_is_refused()
    {
        var reply = await Router().HandleCardActionAsync(PersonalTurn, new CardInvocation(TypedVerb, default, CardInvocationKind.Execute), CancellationToken.None);

        AssertOutdatedCard(reply);
        Assert.Empty(feature.VerbsReceived);
    }

    [Theory]
    [InlineData("task.approve")]
    [InlineData("")]
    [InlineData("TEST.TYPED")]
    public async Task An_unknown_verb_is_refused(string verb)
    {
        var reply = await Router().HandleCardActionAsync(PersonalTurn, Execute(verb, TaskJson), CancellationToken.None);

        AssertOutdatedCard(reply);
        Assert.Empty(feature.VerbsReceived);
    }

    [Fact]
    public async Task A_failing_handler_answers_with_a_problem_card_that_retries_the_same_verb_and_data()
    {
        var reply = await Router().HandleCardActionAsync(PersonalTurn, Execute(FailingVerb, TaskJson), CancellationToken.None);

        var card = Assert.IsType<CardReply>(reply).Card;
        Assert.Contains("Something went wrong", Texts(card));
        var retry = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions ?? []));
        Assert.Equal("Try again", retry.Title);
        Assert.Equal(FailingVerb, retry.Verb);
        Assert.True(
            JsonNode.DeepEquals(new JsonObject { ["taskId"] = "T-1", ["priority"] = 3, ["verb"] = FailingVerb }, retry.Data),
            retry.Data?.ToJsonString());
    }

    [Fact]
    public async Task Try_again_repeats_the_failed_action_with_the_same_data()
    {
        var router = Router();
        var first = await router.HandleCardActionAsync(PersonalTurn, Execute(FailsOnceVerb, TaskJson), CancellationToken.None);
        var retry = Assert.IsType<ExecuteAction>(Assert.Single(Assert.IsType<CardReply>(first).Card.Actions ?? []));

        var second = await router.HandleCardActionAsync(PersonalTurn, Clicked(retry), CancellationToken.None);

        Assert.Equal("done T-1", Assert.IsType<TextReply>(second).Text);
        Assert.Equal([new TaskData("T-1", 3), new TaskData("T-1", 3)], feature.VerbsReceived.Select(received => received.Data));
    }

    [Fact]
    public async Task A_failing_text_command_offers_to_run_the_same_text_again()
    {
        var router = Router();
        var reply = await router.HandleTextAsync(PersonalTurn, "  broken  now ", CancellationToken.None);

        var card = Assert.IsType<CardReply>(reply).Card;
        Assert.Contains("Something went wrong", Texts(card));
        var retry = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions ?? []));
        Assert.Equal(RunCommandData.Verb, retry.Verb);
        Assert.Equal("broken  now", (string?)retry.Data?["text"]);

        await router.HandleCardActionAsync(PersonalTurn, Clicked(retry), CancellationToken.None);
        Assert.Equal(["now", "now"], feature.CommandsReceived.Select(request => request.Arguments));
    }

    [Fact]
    public async Task A_failing_text_command_too_long_to_carry_gets_no_retry_button()
    {
        var router = Router();
        var reply = await router.HandleTextAsync(PersonalTurn, "broken " + new string('x', RunCommandData.MaxTextLength), CancellationToken.None);

        var card = Assert.IsType<CardReply>(reply).Card;
        Assert.Contains("Something went wrong", Texts(card));
        Assert.Null(card.Actions);
    }

    [Theory]
    [InlineData(SecretFailingVerb)]
    [InlineData(SecretHangingVerb)]
    public async Task A_verb_that_may_not_retry_with_its_data_never_echoes_that_data(string verb)
    {
        const string Password = "hunter2-Pa55word!";
        var data = $$"""{"userName":"alex@contoso.com","password":"{{Password}}","verb":"{{verb}}"}""";

        var reply = await Guarded(Router(invokeTimeout: ShortBudget).HandleCardActionAsync(PersonalTurn, Execute(verb, data), CancellationToken.None));

        var card = Assert.IsType<CardReply>(reply).Card;
        var json = CardJson.Serialize(card);
        Assert.Contains(Texts(card), line => line.Contains("went wrong", StringComparison.Ordinal) || line.Contains("taking too long", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, json, StringComparison.Ordinal);
        Assert.DoesNotContain("alex@contoso.com", json, StringComparison.Ordinal);
        Assert.Null(card.Actions);
        Assert.Single(feature.VerbsReceived);
    }

    [Fact]
    public async Task A_handler_that_never_answers_and_ignores_its_token_gets_the_timeout_card()
    {
        var reply = await Guarded(Router(invokeTimeout: ShortBudget).HandleCardActionAsync(PersonalTurn, Execute(HangingVerb, TaskJson), CancellationToken.None));

        var card = Assert.IsType<CardReply>(reply).Card;
        Assert.Contains("That is taking too long", Texts(card));
        var retry = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions ?? []));
        Assert.Equal(HangingVerb, retry.Verb);
        Assert.Equal("T-1", (string?)retry.Data?["taskId"]);
    }

    [Fact]
    public async Task A_handler_that_honours_its_token_gets_the_timeout_card_too()
    {
        var reply = await Guarded(Router(invokeTimeout: ShortBudget).HandleCardActionAsync(PersonalTurn, Execute(CooperativeVerb, TaskJson), CancellationToken.None));

        Assert.Contains("That is taking too long", Texts(reply));
    }

    [Fact]
    public async Task A_handler_that_honours_its_token_is_stopped_when_the_budget_runs_out()
    {
        // WaitAsync(budget) and CancelAfter(budget) race; when WaitAsync wins, disposing the linked source
        // without cancelling it would drop the token's registrations and leave the work running unseen.
        // A warm router loses most of those races at a tiny budget, so many short turns catch a regression.
        var router = Router(invokeTimeout: TimeSpan.FromMilliseconds(20));

        for (var turn = 0; turn < 20; turn++)
        {
            Assert.Contains("That is taking too long", Texts(await Guarded(router.HandleCardActionAsync(PersonalTurn, Execute(CooperativeVerb, TaskJson), CancellationToken.None))));
        }

        var handlers = feature.HandlersStopped.ToList();
        try
        {
            await Task.WhenAll(handlers).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{handlers.Count(stopped => !stopped.IsCompleted)} of {handlers.Count} handlers were never cancelled after the timeout card was sent.");
        }
    }

    [Fact]
    public async Task A_text_command_that_never_answers_gets_the_timeout_card()
    {
        var reply = await Guarded(Router(messageTimeout: ShortBudget).HandleTextAsync(PersonalTurn, "stuck", CancellationToken.None));

        var card = Assert.IsType<CardReply>(reply).Card;
        Assert.Contains("That is taking too long", Texts(card));
        Assert.Equal("stuck", (string?)Assert.IsType<ExecuteAction>(Assert.Single(card.Actions ?? [])).Data?["text"]);
    }

    [Fact]
    public async Task An_execute_invoke_is_held_to_the_invoke_budget()
    {
        var router = Router(invokeTimeout: ShortBudget, messageTimeout: LongBudget);

        var reply = await Guarded(router.HandleCardActionAsync(PersonalTurn, Execute(HangingVerb, TaskJson), CancellationToken.None));

        Assert.Contains("That is taking too long", Texts(reply));
    }

    [Fact]
    public async Task A_submitted_card_is_held_to_the_message_budget()
    {
        var router = Router(invokeTimeout: LongBudget, messageTimeout: ShortBudget);

        var reply = await Guarded(router.HandleCardActionAsync(PersonalTurn, Submit(HangingVerb, TaskJson), CancellationToken.None));

        Assert.Contains("That is taking too long", Texts(reply));
    }

    [Fact]
    public async Task A_submitted_card_may_take_longer_than_the_invoke_budget()
    {
        var router = Router(invokeTimeout: ShortBudget, messageTimeout: LongBudget);
        var submitted = router.HandleCardActionAsync(PersonalTurn, Submit(GatedVerb, TaskJson), CancellationToken.None);

        // The router's own invoke budget is the clock: two Execute turns that time out one after the other
        // take at least twice that budget, so a Submit wrongly held to it would have timed out by now.
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("That is taking too long", Texts(await Guarded(router.HandleCardActionAsync(PersonalTurn, Execute(HangingVerb, TaskJson), CancellationToken.None))));
        }

        Assert.False(submitted.IsCompleted, "The Submit turn answered before its handler did.");
        feature.Gate.SetResult(new TextReply("released"));
        Assert.Equal("released", Assert.IsType<TextReply>(await Guarded(submitted)).Text);
    }

    [Theory]
    [InlineData(HangingVerb)]
    [InlineData(CooperativeVerb)]
    public async Task The_callers_cancellation_propagates_instead_of_a_card(string verb)
    {
        using var cancellation = new CancellationTokenSource();
        var turn = Router(invokeTimeout: LongBudget, messageTimeout: LongBudget).HandleCardActionAsync(PersonalTurn, Execute(verb, TaskJson), cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Guarded(turn));
    }

    [Fact]
    public async Task The_callers_cancellation_of_a_text_turn_propagates_instead_of_a_card()
    {
        using var cancellation = new CancellationTokenSource();
        var turn = Router(messageTimeout: LongBudget).HandleTextAsync(PersonalTurn, "stuck", cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Guarded(turn));
    }

    [Fact]
    public async Task The_run_command_verb_runs_a_text_command()
    {
        var reply = await Router().HandleCardActionAsync(PersonalTurn, Execute(RunCommandData.Verb, """{"text":"tasks Invoice 42","verb":"command.run"}"""), CancellationToken.None);

        Assert.Equal("tasks|Invoice 42", Assert.IsType<TextReply>(reply).Text);
    }

    [Fact]
    public async Task The_run_command_verb_refuses_text_longer_than_a_command_can_be()
    {
        var text = "tasks " + new string('x', RunCommandData.MaxTextLength);

        var reply = await Router().HandleCardActionAsync(PersonalTurn, Execute(RunCommandData.Verb, new JsonObject { ["text"] = text }.ToJsonString()), CancellationToken.None);

        AssertOutdatedCard(reply);
        Assert.Empty(feature.CommandsReceived);
    }

    [Fact]
    public async Task Every_help_button_runs_its_command()
    {
        var router = Router();
        var help = Assert.IsType<CardReply>(await router.HandleTextAsync(PersonalTurn, "help", CancellationToken.None)).Card;
        var buttons = (help.Actions ?? []).Cast<ExecuteAction>().ToList();

        foreach (var button in buttons)
        {
            await router.HandleCardActionAsync(PersonalTurn, Clicked(button), CancellationToken.None);
        }

        Assert.NotEmpty(buttons);
        Assert.Equal(
            buttons.Select(button => (string?)button.Data?["text"]),
            feature.CommandsReceived.Select(request => request.Command.Name));
    }

    [Fact]
    public async Task The_welcome_greets_by_first_name_in_a_personal_chat_only()
    {
        var router = Router();
        var channelTurn = PersonalTurn with { Conversation = new TurnConversation("19:general@thread.tacv2", ConversationKind.Channel, "tenant-contoso") };

        var personal = Texts(await router.WelcomeAsync(PersonalTurn, CancellationToken.None));
        var channel = Texts(await router.WelcomeAsync(channelTurn, CancellationToken.None));

        Assert.Contains("Hi Alex! I'm the Integrify bot.", personal);
        Assert.Contains("Hi! I'm the Integrify bot.", channel);
        Assert.DoesNotContain(channel, line => line.Contains("Alex", StringComparison.Ordinal));
    }

    [Fact]
    public void Commands_lists_every_mapped_command_in_mapping_order()
    {
        Assert.Equal(
            [HelpFeature.HelpCommand, HelpFeature.HelloCommand, My, MyTasks, Tasks, Broken, Stuck, Unlinked, Expired, Outage],
            Router().Commands);
    }

    [Fact]
    public void Mapping_the_same_phrase_twice_fails_at_construction()
    {
        var duplicate = new MappingFeature(routes => routes.MapCommand(new CommandDescriptor("status", "One"), Unused));
        var again = new MappingFeature(routes => routes.MapCommand(new CommandDescriptor("report", "Two", "Status!"), Unused));

        var exception = Assert.Throws<InvalidOperationException>(() => Router(extra: [duplicate, again]));
        Assert.Contains("Status!", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_a_phrase_help_already_has_fails_at_construction()
    {
        var clash = new MappingFeature(routes => routes.MapCommand(new CommandDescriptor("menu", "Today's lunch menu"), Unused));

        Assert.Throws<InvalidOperationException>(() => Router(extra: [clash]));
    }

    [Fact]
    public void Mapping_the_same_verb_twice_fails_at_construction()
    {
        var clash = new MappingFeature(routes => routes.MapVerb<TaskData>(TypedVerb, retryWithData: true, (_, _, _) => Task.FromResult<BotReply>(new TextReply("again"))));

        Assert.Throws<InvalidOperationException>(() => Router(extra: [clash]));
    }

    [Fact]
    public void Mapping_the_routers_own_run_command_verb_fails_at_construction()
    {
        var clash = new MappingFeature(routes => routes.MapVerb<RunCommandData>(RunCommandData.Verb, retryWithData: true, (_, _, _) => Task.FromResult<BotReply>(new TextReply("mine"))));

        Assert.Throws<InvalidOperationException>(() => Router(extra: [clash]));
    }

    [Fact]
    public void A_router_without_an_unknown_command_route_fails_at_construction()
    {
        var welcomeOnly = new MappingFeature(routes => routes.MapWelcome((_, _) => Task.FromResult<BotReply>(new TextReply("hi"))));

        var exception = Assert.Throws<InvalidOperationException>(() => RouterWith([welcomeOnly, feature]));
        Assert.Contains("unknown commands", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_router_without_a_welcome_route_fails_at_construction()
    {
        var unknownOnly = new MappingFeature(routes => routes.MapUnknownCommand((_, _, _) => Task.FromResult<BotReply>(new TextReply("what?"))));

        var exception = Assert.Throws<InvalidOperationException>(() => RouterWith([unknownOnly, feature]));
        Assert.Contains("welcomes", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CardInvocationKind.Execute)]
    [InlineData(CardInvocationKind.Submit)]
    public async Task A_button_built_from_a_payload_with_a_choice_reads_back(CardInvocationKind kind)
    {
        // The enum travels as its camelCase name; reading it back with other options would refuse the bot's own button.
        var button = CardActions.Execute("Send back", ReviewVerb, new ReviewData("T-1", ReviewDecision.SendBack));

        var reply = await Router().HandleCardActionAsync(PersonalTurn, Clicked(button, kind), CancellationToken.None);

        Assert.True(reply is TextReply { Text: "reviewed" }, $"The bot refused its own button {button.Data?.ToJsonString()}: {Describe(reply)}");
        Assert.Equal(new ReviewData("T-1", ReviewDecision.SendBack), Assert.Single(feature.VerbsReceived).Data);
    }

    [Theory]
    [InlineData(CardInvocationKind.Execute)]
    [InlineData(CardInvocationKind.Submit)]
    public async Task A_button_built_from_a_payload_with_an_empty_optional_field_reads_back(CardInvocationKind kind)
    {
        // Card data is read strictly (every constructor parameter present), so the null must survive the trip.
        var button = CardActions.Execute("Approve", CommentVerb, new CommentData("T-1", Comment: null));

        var reply = await Router().HandleCardActionAsync(PersonalTurn, Clicked(button, kind), CancellationToken.None);

        Assert.True(reply is TextReply { Text: "commented" }, $"The bot refused its own button {button.Data?.ToJsonString()}: {Describe(reply)}");
        Assert.Equal(new CommentData("T-1", null), Assert.Single(feature.VerbsReceived).Data);
    }

    [Fact]
    public async Task Each_turn_is_counted_once_with_its_outcome()
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        var outcomes = new List<string>();
        using var listener = new MeterListener();
        // Only this test's meter: other tests' routers share the meter name but not the factory.
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "integrifybot.turns")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (outcomes)
            {
                outcomes.Add(string.Join('/', tags.ToArray().OrderBy(tag => tag.Key, StringComparer.Ordinal).Select(tag => tag.Value)));
            }
        });
        listener.Start();
        var router = Router();

        await router.HandleTextAsync(PersonalTurn, "my tasks", CancellationToken.None);
        await router.HandleCardActionAsync(PersonalTurn, Execute(TypedVerb, "{}"), CancellationToken.None);
        await router.HandleCardActionAsync(PersonalTurn, Execute(FailingVerb, TaskJson), CancellationToken.None);
        await router.HandleCardActionAsync(PersonalTurn, Execute("nobody.knows", TaskJson), CancellationToken.None);

        // Tags sorted by key: outcome, then route.
        Assert.Equal(["ok/text", "refused/verb", "error/verb", "refused/unknown-verb"], outcomes);
    }

    [Fact]
    public async Task A_turn_that_needs_a_link_gets_the_sign_in_route_with_the_reason()
    {
        var router = Router();

        var unlinked = Said(await router.HandleTextAsync(PersonalTurn, "unlinked", CancellationToken.None));
        var expired = Said(await router.HandleTextAsync(PersonalTurn, "expired", CancellationToken.None));

        Assert.Equal("sign in (NotLinked)", unlinked);
        Assert.Equal("sign in (Expired)", expired);
        Assert.Equal([SignInReason.NotLinked, SignInReason.Expired], feature.SignInsRequired);
    }

    [Fact]
    public async Task A_failing_sign_in_route_still_answers_with_a_problem_card()
    {
        feature.SignInAnswer = _ => Task.FromException<BotReply>(new InvalidOperationException("The database is gone."));

        var reply = Assert.IsType<CardReply>(await Router().HandleTextAsync(PersonalTurn, "expired", CancellationToken.None));

        Assert.Contains("Something went wrong", Texts(reply.Card));
    }

    [Fact]
    public async Task A_hanging_sign_in_route_is_held_to_what_is_left_of_the_turns_budget()
    {
        feature.SignInAnswer = _ => feature.Never;

        var reply = await Guarded(Router(messageTimeout: ShortBudget).HandleTextAsync(PersonalTurn, "unlinked", CancellationToken.None));

        Assert.Contains("That is taking too long", Texts(Assert.IsType<CardReply>(reply).Card));
    }

    [Fact]
    public async Task An_integrify_outage_gets_its_own_problem_card_with_a_retry()
    {
        var reply = Assert.IsType<CardReply>(await Router().HandleTextAsync(PersonalTurn, "outage", CancellationToken.None));

        Assert.Contains("Integrify isn't answering", Texts(reply.Card));
        var retry = Assert.IsType<ExecuteAction>(Assert.Single(reply.Card.Actions!));
        Assert.Equal(RunCommandData.Verb, retry.Verb);
        Assert.Equal("outage", retry.Data!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("1234", "pattern:1234")]
    [InlineData(" 1234 ", "pattern:1234")]
    public async Task Text_of_a_mapped_shape_goes_to_its_pattern_route(string text, string expected)
    {
        var router = Router();

        Assert.Equal("code", Said(await router.HandleTextAsync(PersonalTurn, text, CancellationToken.None)));
        Assert.Equal([expected], feature.CodesReceived);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("code 1234")]
    [InlineData("1234x")]
    public async Task A_pattern_must_match_the_whole_text(string text)
    {
        var reply = await Router().HandleTextAsync(PersonalTurn, text, CancellationToken.None);

        Assert.IsType<CardReply>(reply);
        Assert.Empty(feature.CodesReceived);
    }

    [Fact]
    public async Task Teams_sign_in_results_go_to_the_sign_in_state_route()
    {
        var reply = await Router().HandleSignInStateAsync(PersonalTurn, "482913", CancellationToken.None);

        Assert.Equal("state", Said(reply));
        Assert.Equal(["state:482913"], feature.CodesReceived);
    }

    private BotRouter Router(TimeSpan? invokeTimeout = null, TimeSpan? messageTimeout = null, IBotFeature[]? extra = null) =>
        RouterWith([new HelpFeature(), feature, .. extra ?? []], invokeTimeout, messageTimeout);

    private BotRouter RouterWith(IBotFeature[] features, TimeSpan? invokeTimeout = null, TimeSpan? messageTimeout = null) => new(
        features,
        new RecordingLinkedUsers(),
        new TurnCredentials(),
        new IntegrifyBot.Integrify.Web.IntegrifyWebLinks(Options.Create(new IntegrifyBot.Integrify.IntegrifyOptions { BaseUrl = new Uri("https://acme.integrify.com/") })),
        Options.Create(new BotOptions { InvokeTimeout = invokeTimeout ?? LongBudget, MessageTimeout = messageTimeout ?? LongBudget }),
        new RouterMetrics(services.GetRequiredService<IMeterFactory>()),
        NullLogger<BotRouter>.Instance);

    // A broken budget would otherwise hang the test run; this fails it instead.
    private static Task<BotReply> Guarded(Task<BotReply> turn) => turn.WaitAsync(TimeSpan.FromSeconds(20));

    private static Task<BotReply> Unused(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<BotReply>(new TextReply("unused"));

    private static JsonElement Data(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static CardInvocation Execute(string verb, string json) => new(verb, Data(json), CardInvocationKind.Execute);

    private static CardInvocation Submit(string verb, string json) => new(verb, Data(json), CardInvocationKind.Submit);

    /// <summary>
    /// What Teams sends when the button is pressed, read from the card's JSON as Teams gets it: the Execute's
    /// verb and data on new clients; on old ones the Submit fallback's data, whose "verb" names the verb.
    /// </summary>
    private static CardInvocation Clicked(ExecuteAction button, CardInvocationKind kind = CardInvocationKind.Execute)
    {
        var action = CardJson.ToJsonObject(new AdaptiveCard { Actions = [button] })["actions"]![0]!;
        if (kind == CardInvocationKind.Execute)
        {
            return new((string)action["verb"]!, Data(action["data"]!.ToJsonString()), kind);
        }

        var data = action["fallback"]!["data"]!;
        return new((string)data[CardActions.VerbKey]!, Data(data.ToJsonString()), kind);
    }

    private static string Describe(BotReply reply) => reply switch
    {
        CardReply card => string.Join(" / ", Texts(card.Card)),
        TextReply text => text.Text,
        _ => reply.ToString(),
    };

    private static void AssertOutdatedCard(BotReply reply) =>
        Assert.Contains("This card can't be used any more", Texts(reply));

    private static string Said(BotReply reply) => Assert.IsType<TextReply>(reply).Text;

    private static List<string> Texts(BotReply reply) => Texts(Assert.IsType<CardReply>(reply).Card);

    /// <summary>Every "text" the card shows, wherever it is nested; button data is not shown, so it is skipped.</summary>
    private static List<string> Texts(AdaptiveCard card)
    {
        var texts = new List<string>();
        Collect(CardJson.ToJsonObject(card), texts);
        return texts;

        static void Collect(JsonNode? node, List<string> texts)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "text" && value is JsonValue text && text.TryGetValue<string>(out var s))
                        {
                            texts.Add(s);
                        }
                        else if (key != "data")
                        {
                            Collect(value, texts);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, texts);
                    }

                    break;
            }
        }
    }
}
