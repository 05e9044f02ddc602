namespace IntegrifyBot.Settings;

public enum BotMode
{
    /// <summary>The default outside Development: a Microsoft app id is required and every request's token is checked.</summary>
    Production,

    /// <summary>Chosen by ASPNETCORE_ENVIRONMENT=Development: may run without an app id, for local work.</summary>
    Development,

    /// <summary>Chosen only by Bot:Mode=Demo: runs without an app id so that the Teams emulator can talk to it.</summary>
    Demo,
}
