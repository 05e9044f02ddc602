namespace IntegrifyBot.Routing;

/// <summary>
/// The message extension's answer to someone who must link their Integrify account first: Teams shows
/// a sign-in link that opens <see cref="Page"/> in its popup and repeats the request once it closes.
/// Without a page (the bot has no public address), <see cref="Text"/> says where to link instead.
/// </summary>
public sealed record ExtensionSignInReply(Uri? Page, string Text) : BotReply;
