using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Tasks;

/// <summary>One of the user's open tasks and, for an approval, what Integrify offers on it (T2): all its buttons need.</summary>
public sealed record ActionableTask(TaskItem Task, ApprovalDetails? Approval);
