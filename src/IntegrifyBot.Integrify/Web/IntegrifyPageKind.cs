namespace IntegrifyBot.Integrify.Web;

/// <summary>The pages of Integrify's web app the bot links to and recognises in pasted links.</summary>
public enum IntegrifyPageKind
{
    /// <summary>One person's task (a recipient task), named by its recipientTaskSid.</summary>
    Task,

    /// <summary>A request (a process instance), named by its instanceSid.</summary>
    Request,
}
