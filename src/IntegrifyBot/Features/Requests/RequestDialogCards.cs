using System.Text.Json.Nodes;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Requests;

/// <summary>
/// The dialog of the message extension's "Start a request": a process, a name and whether to post a
/// card about it. A dialog's buttons submit (Action.Submit): Teams sends dialogs no Universal Actions.
/// </summary>
public static class RequestDialogCards
{
    public const string Title = "Start a request";

    public const string ProcessInput = "processSid";
    public const string PostInput = "post";

    /// <summary>The most processes the dialog's list offers; more are found by typing into it.</summary>
    public const int MaxProcesses = 100;

    /// <param name="processes">The processes the user may start (R1).</param>
    /// <param name="form">What the form holds: the chosen process, the name, whether to post, and the start id that makes a second submit harmless.</param>
    /// <param name="problem">What was wrong with the last submit, or null.</param>
    public static AdaptiveCard Form(IReadOnlyList<SearchResult> processes, StartDialogData form, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(form);
        var body = new List<CardElement>();
        if (problem is not null)
        {
            body.Add(CardParts.Banner(problem, isProblem: true));
        }

        var choices = processes.Where(process => process.Sid.Length is > 0 and <= 64).Take(MaxProcesses)
            .Select(process => new Choice(CardText.Truncate(process.Name ?? "Process", 80), process.Sid)).ToList();
        body.Add(new ChoiceSetInput(ProcessInput, choices)
        {
            Label = "Process",
            Style = ChoiceInputStyle.Filtered,
            Placeholder = "Pick the process to start",
            Value = choices.Any(choice => choice.Value == form.ProcessSid) ? form.ProcessSid : null,
            IsRequired = true,
            ErrorMessage = "Pick a process.",
        });
        body.Add(new TextInput(RequestVerbs.NameInput)
        {
            Label = "Name of the request",
            Value = CardText.Truncate(form.RequestName ?? string.Empty, RequestCards.MaxNameLength),
            IsRequired = true,
            ErrorMessage = "Give the request a name.",
            MaxLength = RequestCards.MaxNameLength,
        });
        body.Add(new ToggleInput(PostInput, "Post a card about it into this conversation")
        {
            Value = form.Post is "false" ? "false" : "true",
            ValueOn = "true",
            ValueOff = "false",
            Wrap = true,
        });
        return new AdaptiveCard
        {
            FallbackText = "Pick a process and name the request.",
            Body = body,
            Actions =
            [
                new SubmitAction
                {
                    Title = "Start request",
                    Style = ActionStyle.Positive,
                    Data = new JsonObject { [StartDialogData.StartIdKey] = form.StartId },
                },
            ],
        };
    }
}
