namespace IntegrifyBot.TestInfrastructure;

/// <summary>What a burst of sign-in requests at once may get back, and how many of them may reach Integrify.</summary>
public static class SignInBursts
{
    public const string Refused = "Wrong tenant, user name or password.";
    public const string Throttled = "Too many sign-ins failed";

    /// <summary>The retry card of a turn that ran out of its budget (Bot:InvokeTimeout).</summary>
    public const string TooLong = "That is taking too long";

    /// <summary>
    /// Between one and <paramref name="limit"/> attempts reached Integrify, as many were refused, and
    /// every other answer is the pause. On a machine so busy that a turn runs out of its budget, that
    /// turn answers with the retry card instead, and its slot, if it had one, stays counted: a busy
    /// machine can lower the number that reached Integrify, never raise it.
    /// </summary>
    public static void AssertLimited(IReadOnlyCollection<string> answers, long reachedIntegrify, int limit, string refused = Refused)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Assert.InRange(reachedIntegrify, 1, limit);
        Assert.All(answers, answer => Assert.True(
            answer.Contains(refused, StringComparison.Ordinal) || answer.Contains(Throttled, StringComparison.Ordinal) || answer.Contains(TooLong, StringComparison.Ordinal),
            "Every answer is the refusal, the pause or the retry card: " + answer));
        Assert.InRange(answers.Count(answer => answer.Contains(refused, StringComparison.Ordinal)), 1, reachedIntegrify);
    }

    /// <summary>Every answer is the link card, or the retry card of a turn that a busy machine cut short.</summary>
    public static void AssertLinkCards(IEnumerable<string> answers) =>
        Assert.All(answers, answer => Assert.True(
            answer.Contains("Link your Integrify account", StringComparison.Ordinal) || answer.Contains(TooLong, StringComparison.Ordinal),
            "Every answer is the link card or the retry card: " + answer));
}
