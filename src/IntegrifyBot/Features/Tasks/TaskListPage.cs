using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Tasks;

/// <summary>One page of the user's open tasks, with what each approval offers (T2), ready to draw.</summary>
public sealed record TaskListPage(
    TaskListView View,
    int Total,
    IReadOnlyList<TaskItem> Tasks,
    IReadOnlyDictionary<string, ApprovalDetails> Approvals);
