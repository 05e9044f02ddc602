using Integrify.Simulator.Api.Contracts;
using Integrify.Simulator.Auth;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Api;

/// <summary>T1 to T8: the caller's tasks, completing them, and comments.</summary>
internal static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/instance/mytask/list", MyTasks).WithName("T1");
        api.MapGet("/instance/tasktypes/approval/{recipientTaskSid}", (string recipientTaskSid, HttpContext context, WorkflowStore store) =>
            store.Approval(context.Caller().User, recipientTaskSid).ToResult()).WithName("T2");
        api.MapPost("/instance/tasktypes/approval/{recipientTaskSid}", (string recipientTaskSid, ApprovalBody? body, HttpContext context, WorkflowStore store) =>
            store.Approve(context.Caller().User, recipientTaskSid, body).ToResult()).WithName("T3");
        api.MapPost("/instance/tasktypes/openUrl/{recipientTaskSid}/complete", (string recipientTaskSid, HttpContext context, WorkflowStore store) =>
            store.Complete(context.Caller().User, recipientTaskSid, TaskKind.OpenUrl).ToResult()).WithName("T4");
        api.MapPost("/instance/tasktypes/milestone/{recipientTaskSid}/complete", (string recipientTaskSid, HttpContext context, WorkflowStore store) =>
            store.Complete(context.Caller().User, recipientTaskSid, TaskKind.Milestone).ToResult()).WithName("T5");
        api.MapGet("/instance/task/recipientTask/{recipientTaskSid}/reassign/{contactSid}", (string recipientTaskSid, string contactSid, HttpContext context, WorkflowStore store) =>
            store.Reassign(context.Caller().User, recipientTaskSid, contactSid).ToResult(_ => Results.Ok())).WithName("T6");
        api.MapGet("/instance/allcomments/{instanceSid}", (string instanceSid, HttpContext context, WorkflowStore store) =>
            store.Comments(context.Caller().User, instanceSid).ToResult()).WithName("T7");
        api.MapPost("/instance/comments/post", (CommentBody? body, HttpContext context, WorkflowStore store) =>
            store.PostComment(context.Caller().User, body).ToResult(_ => Results.Ok())).WithName("T8");
    }

    private static IResult MyTasks(HttpContext context, WorkflowStore store)
    {
        var query = ListQuery.Parse(context.Request.Query, WorkflowStore.TaskSorts);
        return query.Problem?.ToResult() ?? Results.Json(store.MyTasks(context.Caller().User, query.Value!));
    }
}
