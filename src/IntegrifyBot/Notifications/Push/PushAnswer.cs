namespace IntegrifyBot.Notifications.Push;

/// <summary>
/// The 202 answer: for how many linked Teams users the task was newly queued. Zero is a success too
/// (nobody linked with that username, notifications off, or the task already queued), so that the
/// Integrify step never fails for it.
/// </summary>
internal sealed record PushAnswer(int Queued);
