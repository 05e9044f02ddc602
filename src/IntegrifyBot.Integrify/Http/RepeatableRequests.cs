using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Integrify.Http;

/// <summary>
/// Which calls may be sent again when an attempt fails. Only reads: completing a task, starting a
/// request or any other POST is never repeated blindly, and neither are Integrify's GETs that change
/// something (cancelling a request, reassigning a task).
/// </summary>
internal static class RepeatableRequests
{
    // The ends of IntegrifyPaths.CancelRequest and IntegrifyPaths.Reassign, for a request whose call is
    // not known; a known call says itself whether it changes something, whatever its configured path.
    private static readonly string[] ChangingGetMarkers = ["/cancel", "/reassign/"];

    public static bool IsRepeatable(HttpRequestMessage? request) =>
        request is not null
        && request.Method == HttpMethod.Get
        && request.RequestUri is { } uri
        && IntegrifyContract.Of(request) is not { ChangesState: true }
        && !ChangingGetMarkers.Any(marker => uri.AbsolutePath.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
