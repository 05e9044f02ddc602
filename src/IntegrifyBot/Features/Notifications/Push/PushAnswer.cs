namespace IntegrifyBot.Features.Notifications.Push;

/// <summary>
/// The 202 answer: how many Teams users were newly told. Zero is a success too (nobody linked with
/// that username, or the task was already queued), so that the Integrify step never fails for it.
/// </summary>
internal sealed record PushAnswer(int Queued);
