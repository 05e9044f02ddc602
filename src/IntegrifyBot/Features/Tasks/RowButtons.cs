namespace IntegrifyBot.Features.Tasks;

/// <summary>Which buttons a task's row in a list carries: fewer when a page would not fit in a Teams message.</summary>
public enum RowButtons
{
    /// <summary>What acts on the task, Details and Reassign.</summary>
    All,

    /// <summary>What acts on the task and Details; Reassign is in Details.</summary>
    WithoutReassign,

    /// <summary>Details only, where every button is.</summary>
    DetailsOnly,
}
