using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Features.Linking;

/// <summary>The card verbs of linking and the names of the inputs they read.</summary>
public static class LinkVerbs
{
    public const string Password = "link.password";
    public const string ApiKey = "link.apikey";

    /// <summary>The sign-in page button, when a client sends it to the bot instead of opening Teams' sign-in popup.</summary>
    public const string Page = "link.page";

    public const string UserNameInput = "userName";
    public const string PasswordInput = "password";
    public const string ApiKeyInput = "apiKey";
}

/// <summary>The in-card password form. Both may be missing (the user left them empty): the handler asks again.</summary>
public sealed record PasswordLinkData([property: MaxLength(200)] string? UserName = null, [property: MaxLength(500)] string? Password = null);

public sealed record ApiKeyLinkData([property: MaxLength(500)] string? ApiKey = null);

public sealed record PageLinkData;
