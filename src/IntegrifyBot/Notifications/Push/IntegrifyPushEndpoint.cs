namespace IntegrifyBot.Notifications.Push;

public static class IntegrifyPushEndpoint
{
    /// <summary>POST /api/notifications/integrify (see <see cref="IntegrifyPushReceiver"/>); 404 while Notifications:PushSecret is unset.</summary>
    public static IEndpointRouteBuilder MapIntegrifyPush(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(IntegrifyPushReceiver.Path, (HttpContext http, IntegrifyPushReceiver receiver) => receiver.ReceiveAsync(http));
        return endpoints;
    }
}
