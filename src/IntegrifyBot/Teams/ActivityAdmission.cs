using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>What <see cref="ActivityRequestGate"/> made of a request: the activity to process, or why not.</summary>
internal sealed record ActivityAdmission(Activity? Activity, int Status, string? Reason)
{
    public static ActivityAdmission Admit(Activity activity) => new(activity, StatusCodes.Status200OK, null);

    public static ActivityAdmission Refuse(int status, string reason) => new(null, status, reason);
}
