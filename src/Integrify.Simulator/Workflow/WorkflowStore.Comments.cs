using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;

namespace Integrify.Simulator.Workflow;

internal sealed partial class WorkflowStore
{
    private const int MaxCommentLength = 4000;

    /// <summary>T7: the comments of a request the caller started or holds (or held) a task in.</summary>
    public Outcome<IReadOnlyList<CommentResponse>> Comments(UserAccount caller, string instanceSid)
    {
        lock (gate)
        {
            var found = FindRequest(instanceSid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var request = found.Value!;
            if (!request.IsParticipant(caller))
            {
                return ApiProblem.Forbidden("permission denied: you are neither the requester nor a participant of this request.");
            }

            return request.Comments.OrderBy(comment => comment.Date).Select(WorkflowViews.Comment).ToList();
        }
    }

    /// <summary>T8: the requester, or someone who holds an open task in the request, adds a comment.</summary>
    public Outcome<bool> PostComment(UserAccount caller, CommentBody? body)
    {
        if (string.IsNullOrWhiteSpace(body?.InstanceSid) || string.IsNullOrWhiteSpace(body.Comment))
        {
            return ApiProblem.BadRequest("instanceSid and comment are required.");
        }

        if (body.Comment.Length > MaxCommentLength)
        {
            return ApiProblem.BadRequest($"A comment has at most {MaxCommentLength} characters.");
        }

        lock (gate)
        {
            var found = FindRequest(body.InstanceSid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var request = found.Value!;
            if (request.Requester.UserName != caller.UserName && !request.OpenTasks.Any(task => task.Assignee.UserName == caller.UserName))
            {
                return ApiProblem.Forbidden("permission denied: only the requester or someone with an open task in it may comment.");
            }

            request.Comments.Add(new CommentEntry(body.Comment.Trim(), caller, Now));
            return true;
        }
    }
}
