namespace Integrify.Simulator.Workflow;

/// <summary>One user's assignment of a step in a request. Mutable; only touched while holding the store's lock.</summary>
internal sealed class RecipientTask(Guid sid, Guid instanceTaskSid, WorkflowRequest request, int stepIndex, UserAccount assignee, DateTimeOffset startDate)
{
    private IReadOnlyList<ApprovalChoiceDefinition>? changedChoices;

    public Guid Sid { get; } = sid;

    public Guid InstanceTaskSid { get; } = instanceTaskSid;

    public WorkflowRequest Request { get; } = request;

    public int StepIndex { get; } = stepIndex;

    public StepDefinition Step => Request.Process.Steps[StepIndex];

    /// <summary>
    /// What this approval offers: its step's choices, unless they were changed for this task since it
    /// was assigned (an administrator editing the process while the task is open).
    /// </summary>
    public IReadOnlyList<ApprovalChoiceDefinition> Choices
    {
        get => changedChoices ?? Step.Choices;
        set => changedChoices = value;
    }

    /// <summary>The choice that moves the request on, for completing an approval without asking.</summary>
    public ApprovalChoiceDefinition? AdvancingChoice => Choices.FirstOrDefault(choice => choice.Effect == ChoiceEffect.Advance);

    public UserAccount Assignee { get; set; } = assignee;

    public DateTimeOffset StartDate { get; } = startDate;

    public DateTimeOffset? DueDate { get; set; }

    public string Priority { get; set; } = "Normal";

    public RecipientTaskStatus Status { get; set; } = RecipientTaskStatus.Open;

    public UserAccount? CompletedBy { get; set; }

    public DateTimeOffset? CompletedDate { get; set; }

    /// <summary>The approval value chosen, or "Completed" for other task types.</summary>
    public string? Outcome { get; set; }

    public ApprovalChoiceDefinition? FindChoice(string? value) =>
        Choices.FirstOrDefault(choice => string.Equals(choice.Value, value, StringComparison.OrdinalIgnoreCase));
}
