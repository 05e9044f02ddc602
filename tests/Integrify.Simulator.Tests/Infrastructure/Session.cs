using System.Net;
using System.Text.Json;

namespace Integrify.Simulator.Tests.Infrastructure;

/// <summary>Calls as one signed-in user.</summary>
public sealed class Session(TestSimulator simulator, string token)
{
    public string Token => token;

    public Task<HttpResponseMessage> GetAsync(string path) => simulator.SendAsync(HttpMethod.Get, path, token);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => simulator.SendAsync(HttpMethod.Post, path, token, body);

    public Task<HttpResponseMessage> DeleteAsync(string path) => simulator.SendAsync(HttpMethod.Delete, path, token);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        return await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonElement> PostJsonAsync(string path, object? body = null)
    {
        using var response = await PostAsync(path, body);
        return await Wire.ReadJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>T1 with the given query; the whole answer.</summary>
    public Task<JsonElement> TaskListAsync(string query = "count=100") => GetJsonAsync($"api/instance/mytask/list?{query}");

    public async Task<List<JsonElement>> TasksAsync(string query = "count=100") =>
        [.. (await TaskListAsync(query)).GetProperty("items").EnumerateArray()];

    /// <summary>T3 with the legacy API's field names.</summary>
    public Task<HttpResponseMessage> ApproveAsync(string recipientTaskSid, string value, string? comment = null) =>
        PostAsync($"api/instance/tasktypes/approval/{recipientTaskSid}", JsonSerializer.Serialize(new Dictionary<string, string?> { ["Approval"] = value, ["Comments"] = comment }));

    public async Task<string> TaskSidAsync(string requestName) =>
        (await TasksAsync()).Single(task => task.GetProperty("requestName").GetString() == requestName).GetProperty("recipientTaskSid").GetString()!;
}
