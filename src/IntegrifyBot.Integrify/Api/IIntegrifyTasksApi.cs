using IntegrifyBot.Integrify.Api.Models;
using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>T1–T8: the user's tasks, completing them, and request comments.</summary>
public interface IIntegrifyTasksApi
{
    [Get(IntegrifyPaths.MyTasks)]
    Task<PagedList<TaskItem>> ListMyTasksAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, [Query] ListQuery query, CancellationToken cancellationToken);

    [Get(IntegrifyPaths.Approval)]
    Task<ApprovalDetails> GetApprovalAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string recipientTaskSid, CancellationToken cancellationToken);

    /// <summary>T3. Never retried: a lost answer is settled by reading the task again (T2).</summary>
    [Post(IntegrifyPaths.Approval)]
    Task<CompletionResult> CompleteApprovalAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string recipientTaskSid, [Body] ApprovalDecision decision, CancellationToken cancellationToken);

    [Post(IntegrifyPaths.CompleteOpenUrl)]
    Task CompleteOpenUrlAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string recipientTaskSid, CancellationToken cancellationToken);

    [Post(IntegrifyPaths.CompleteMilestone)]
    Task CompleteMilestoneAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string recipientTaskSid, [Body] EmptyBody body, CancellationToken cancellationToken);

    /// <summary>T6. A GET that changes state, so it is not retried either.</summary>
    [Get(IntegrifyPaths.Reassign)]
    Task ReassignAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string recipientTaskSid, string contactSid, CancellationToken cancellationToken);

    [Get(IntegrifyPaths.Comments)]
    Task<IReadOnlyList<RequestComment>> GetCommentsAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string instanceSid, CancellationToken cancellationToken);

    [Post(IntegrifyPaths.PostComment)]
    Task PostCommentAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, [Body] NewComment comment, CancellationToken cancellationToken);
}
