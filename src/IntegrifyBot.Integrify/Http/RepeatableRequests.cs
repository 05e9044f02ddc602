namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// Which calls may be sent again when an attempt fails. Only reads: completing a task, starting a
/// request or any other POST is never repeated blindly, and neither are Integrify's GETs that change
/// something (cancelling a request, reassigning a task).
/// </summary>
internal static class RepeatableRequests
{
    // The ends of IntegrifyPaths.CancelRequest and IntegrifyPaths.Reassign.
    private static readonly string[] ChangingGetMarkers = ["/cancel", "/reassign/"];

    public static bool IsRepeatable(HttpRequestMessage? request) =>
        request is not null
        && request.Method == HttpMethod.Get
        && request.RequestUri is { } uri
        && !ChangingGetMarkers.Any(marker => uri.AbsolutePath.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
