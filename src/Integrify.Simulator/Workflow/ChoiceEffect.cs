namespace Integrify.Simulator.Workflow;

/// <summary>What an approval choice does to its request.</summary>
internal enum ChoiceEffect
{
    /// <summary>The request moves on to the next step, or completes after the last one.</summary>
    Advance,

    /// <summary>The request ends here: Completed, with the choice's milestone as its outcome.</summary>
    End,

    /// <summary>The request goes back to the requester's form step.</summary>
    SendBack,
}
